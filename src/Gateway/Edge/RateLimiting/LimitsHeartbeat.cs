using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Edge.RateLimiting;

/// <summary>
/// Every <see cref="EdgeLimitsOptions.HeartbeatInterval"/>: announces this instance in Redis and learns how many are
/// live (sizing leases and the fallback share), probes Redis while degraded so the limiter recovers by itself,
/// and forgets idle partitions.
/// </summary>
internal sealed class LimitsHeartbeat(
    RedisConnection connection,
    ClusterView cluster,
    CallerRateLimiter limiter,
    LocalTokenBank local,
    EdgeLimitsOptions options,
    TimeProvider time,
    ILogger<LimitsHeartbeat> logger) : BackgroundService
{
    // ZADD with Redis's clock, drop the silent, count the rest: one atomic round trip.
    const string Script = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local timeout = tonumber(ARGV[2])
        redis.call('ZADD', KEYS[1], now, ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - timeout)
        redis.call('PEXPIRE', KEYS[1], timeout * 2)
        return redis.call('ZCARD', KEYS[1])
        """;

    static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(10);

    readonly string _instanceId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    RedisKey InstancesKey => $"{options.KeyPrefix}:instances";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (connection.IsConfigured)
        {
            // Before the server listens, so the first requests already share the cluster's buckets; not for much longer
            // than a request would wait for Redis: an unreachable Redis is an outage, not a failed start.
            await connection.ConnectAsync(options.RedisTimeout);
            await BeatAsync();
        }
        else
        {
            Log.LocalOnly(logger);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.HeartbeatInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (connection.IsConfigured)
                {
                    await BeatAsync();
                }

                var idleSince = time.GetUtcNow() - IdleAfter;
                limiter.ForgetIdle(idleSince);
                local.Forget(idleSince);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    async Task BeatAsync()
    {
        try
        {
            var database = connection.Database
                ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Not connected yet.");
            var live = (int)await database.ScriptEvaluateAsync(
                    Script, [InstancesKey], [_instanceId, (long)options.InstanceTimeout.TotalMilliseconds])
                .WaitAsync(options.RedisTimeout);
            var wasDegraded = cluster.Degraded;
            cluster.Heard(live);
            if (wasDegraded)
            {
                Log.RedisBack(logger, live);
            }
        }
        catch (Exception error) when (RedisFailures.IsFailure(error))
        {
            if (cluster.Lost(error))
            {
                Log.RedisLost(logger, cluster.Instances, error.GetType().Name);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (connection.Database is { } database && connection.IsConnected)
        {
            try
            {
                // Leave at once, so the others widen their leases and fallback shares without waiting for the timeout.
                await database.SortedSetRemoveAsync(InstancesKey, _instanceId).WaitAsync(options.RedisTimeout, cancellationToken);
            }
            catch (Exception error) when (error is RedisException or TimeoutException or OperationCanceledException)
            {
                // The entry expires after InstanceTimeout anyway.
            }
        }
    }
}
