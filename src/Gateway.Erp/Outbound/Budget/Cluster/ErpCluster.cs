using Gateway.Core.Erp;
using Gateway.Core.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Gateway.Erp.Outbound.Budget.Cluster;

/// <summary>
/// This instance's view of the others, for the ERP budgets, on the shared <see cref="RedisConnection"/>: how many instances are live (from heartbeats in a sorted set, scored by Redis's clock), and
/// whether Redis answers. Once Redis fails, budgets use their local share until a heartbeat gets through again.
/// </summary>
internal sealed class ErpCluster : IAsyncDisposable
{
    readonly RedisConnection _redis;
    readonly ITimer _heartbeat;
    readonly ILogger _logger;
    readonly List<Func<IDatabase, Task>> _renewals = [];
    volatile int _instances;
    volatile bool _degraded;
    int _beating;

    public ErpCluster(RedisConnection redis, ErpBudgetOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _logger = logger;
        _instances = options.ExpectedInstances;
        _redis = redis;
        _degraded = !redis.IsConnected;
        _heartbeat = time.CreateTimer(static state => _ = ((ErpCluster)state!).BeatAsync(), this, TimeSpan.Zero, options.HeartbeatInterval);
    }

    public ErpBudgetOptions Options { get; }

    /// <summary>Identifies this instance in the heartbeat set and in the legacy sessions it holds.</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Live instances at the last heartbeat, at least 1; kept while Redis is away to size the local share.</summary>
    public int Instances => _instances;

    /// <summary>True while Redis is unreachable: budgets enforce this instance's share locally.</summary>
    public bool Degraded => _degraded;

    public IDatabase Database => _redis.Database ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Not connected yet.");

    /// <summary>Keys of one ERP, in one hash slot so a script may touch them together on a Redis Cluster.</summary>
    public RedisKey Key(ErpSystem erp, string name) => $"{Options.KeyPrefix}:{{{erp.TagValue()}}}:{name}";

    /// <summary>Runs with every heartbeat (the legacy budget renews the sessions it holds).</summary>
    public void OnHeartbeat(Func<IDatabase, Task> renewal)
    {
        lock (_renewals)
        {
            _renewals.Add(renewal);
        }
    }

    /// <summary>A budget's Redis command failed: switch to local shares until a heartbeat succeeds.</summary>
    public void Lost(Exception error)
    {
        if (!_degraded)
        {
            _degraded = true;
            Log.RedisLost(_logger, _instances, error.GetType().Name);
        }
    }

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


    async Task BeatAsync()
    {
        // A slow Redis must not stack heartbeats up.
        if (Interlocked.Exchange(ref _beating, 1) == 1)
        {
            return;
        }

        try
        {
            if (_redis.Multiplexer is null)
            {
                await _redis.ConnectAsync(Options.RedisTimeout);
            }

            var live = (int)await RunAsync(db => db.ScriptEvaluateAsync(
                ClusterScripts.Heartbeat, [Key(ErpSystem.Cloud, "instances")], [InstanceId, (long)Options.InstanceTimeout.TotalMilliseconds]));
            Func<IDatabase, Task>[] renewals;
            lock (_renewals)
            {
                renewals = [.. _renewals];
            }

            foreach (var renew in renewals)
            {
                await renew(Database).WaitAsync(Options.RedisTimeout);
            }

            _instances = Math.Max(1, live);
            if (_degraded)
            {
                _degraded = false;
                Log.RedisBack(_logger, live);
            }
        }
        catch (Exception error) when (RedisFailures.IsFailure(error))
        {
            Lost(error);
        }
        finally
        {
            Volatile.Write(ref _beating, 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _heartbeat.DisposeAsync();
        if (_redis.IsConnected)
        {
            try
            {
                // Leave at once, so the others widen their shares without waiting for the timeout.
                await Database.SortedSetRemoveAsync(Key(ErpSystem.Cloud, "instances"), InstanceId).WaitAsync(Options.RedisTimeout);
            }
            catch (Exception error) when (RedisFailures.IsFailure(error))
            {
                // The entry expires after InstanceTimeout anyway.
            }
        }
    }
}
