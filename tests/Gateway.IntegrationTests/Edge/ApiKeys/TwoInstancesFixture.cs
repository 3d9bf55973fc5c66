using Gateway.IntegrationTests.Edge.Authentication;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Edge.ApiKeys;

/// <summary>
/// Two gateway instances sharing one real redis-server, as a cluster runs: partners and keys created through one are
/// known to the other. Rotated keys lapse after <see cref="RotationGrace"/>, short enough to watch.
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public static readonly TimeSpan RotationGrace = TimeSpan.FromSeconds(2);

    public RedisServer Redis { get; } = new();

    internal EdgeHost A { get; private set; } = null!;

    internal EdgeHost B { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Redis.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = Redis.ConnectionString,
            ["Edge:ApiKeys:RotationGrace"] = RotationGrace.ToString(),
        };
        A = await EdgeHost.StartAsync(settings);
        B = await EdgeHost.StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
