using Gateway.IntegrationTests.Edge.Authentication;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Edge.ApiKeys;

/// <summary>
/// Two gateway instances sharing one real Redis (a single server, or a Redis Cluster), as a cluster of gateways runs:
/// partners and keys created through one are known to the other. Rotated keys lapse after <see cref="RotationGrace"/>,
/// short enough to watch.
/// </summary>
public abstract class TwoInstancesFixture(RedisKind kind) : IAsyncLifetime
{
    public static readonly TimeSpan RotationGrace = TimeSpan.FromSeconds(2);

    IRedisDeployment? _redis;

    public IRedisDeployment Redis => _redis ?? throw new InvalidOperationException("Redis did not start.");

    internal EdgeHost A => _a ?? throw new InvalidOperationException("Instance A did not start.");

    internal EdgeHost B => _b ?? throw new InvalidOperationException("Instance B did not start.");

    EdgeHost? _a;
    EdgeHost? _b;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisDeployment.StartAsync(kind);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = Redis.ConnectionString,
            ["Edge:ApiKeys:RotationGrace"] = RotationGrace.ToString(),
        };
        _a = await EdgeHost.StartAsync(settings);
        _b = await EdgeHost.StartAsync(settings);
    }

    // Whatever started is stopped, even when InitializeAsync failed half way: no redis-server outlives the run.
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_a is not null)
            {
                await _a.DisposeAsync();
            }

            if (_b is not null)
            {
                await _b.DisposeAsync();
            }
        }
        finally
        {
            if (_redis is not null)
            {
                await _redis.DisposeAsync();
            }

            GC.SuppressFinalize(this);
        }
    }

    /// <summary>On one redis-server.</summary>
    public sealed class OnOneRedis() : TwoInstancesFixture(RedisKind.OneServer);

    /// <summary>On a 3-primary Redis Cluster.</summary>
    public sealed class OnRedisCluster() : TwoInstancesFixture(RedisKind.Cluster);
}
