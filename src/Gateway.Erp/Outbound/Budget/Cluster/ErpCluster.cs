using Gateway.Core.Erp;
using Gateway.Core.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gateway.Erp.Outbound.Budget.Cluster;

/// <summary>
/// This instance's view of the others, for the ERP budgets, on the shared <see cref="RedisConnection"/>: how many
/// instances are live and whether Redis answers (the process's one <see cref="ClusterMembership"/>, which the partner
/// plans share). Once Redis fails, budgets use their local share until a heartbeat gets through again.
/// </summary>
internal sealed class ErpCluster
{
    readonly RedisConnection _redis;
    readonly ClusterMembership _membership;

    public ErpCluster(RedisConnection redis, ClusterMembership membership, ErpBudgetOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(membership);
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _redis = redis;
        _membership = membership;
        if (!redis.IsConnected)
        {
            // Not known to answer: the budgets start with their local share, and the first heartbeat says otherwise.
            _membership.ReportFailure(new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Not connected yet."));
        }

        _membership.RedisLost += error => Log.RedisLost(logger, _membership.Instances, error.GetType().Name);
        _membership.RedisBack += live => Log.RedisBack(logger, live);
        _ = _membership.StartAsync();
    }

    public ErpBudgetOptions Options { get; }

    /// <summary>Silence after which an instance counts as gone (and the legacy sessions it held return to the pool).</summary>
    public TimeSpan InstanceTimeout => _membership.Settings.InstanceTimeout;

    /// <summary>Identifies this instance in the heartbeat set and in the legacy sessions it holds.</summary>
    public string InstanceId => _membership.InstanceId;

    /// <summary>Live instances at the last heartbeat, at least 1; kept while Redis is away to size the local share.</summary>
    public int Instances => _membership.Instances;

    /// <summary>True while Redis is unreachable: budgets enforce this instance's share locally.</summary>
    public bool Degraded => _membership.Degraded;

    public IDatabase Database => _redis.Database ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Not connected yet.");

    /// <summary>Keys of one ERP, in one hash slot so a script may touch them together on a Redis Cluster.</summary>
    public RedisKey Key(ErpSystem erp, string name) => RedisKeys.ErpBudget(Options.KeyPrefix, erp.TagValue(), name);

    /// <summary>Runs with every heartbeat (the legacy budget renews the sessions it holds).</summary>
    public void OnHeartbeat(Func<IDatabase, Task> renewal) => _membership.OnHeartbeat(renewal);

    /// <summary>A budget's Redis command failed: switch to local shares until a heartbeat succeeds.</summary>
    public void Lost(Exception error) => _membership.ReportFailure(error);

    /// <summary>Runs a Redis command within the configured timeout; a failure marks Redis lost and is rethrown.</summary>
    public async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command)
    {
        try
        {
            return await command(Database).WaitAsync(Options.RedisTimeout);
        }
        catch (Exception error) when (RedisFailures.IsFailure(error))
        {
            Lost(error);
            throw;
        }
    }
}
