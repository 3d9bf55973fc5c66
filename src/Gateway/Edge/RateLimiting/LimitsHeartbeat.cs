using Gateway.Core.Redis;

namespace Gateway.Edge.RateLimiting;

/// <summary>
/// Starts the process's <see cref="ClusterMembership"/> before the server listens: every heartbeat it announces this
/// instance in Redis and learns how many are live (sizing leases and the fallback share), probing Redis while degraded
/// so the limiter recovers by itself. At the same pace it forgets idle partitions.
/// </summary>
internal sealed class LimitsHeartbeat : BackgroundService
{
    static readonly TimeSpan IdleAfter = TimeSpan.FromMinutes(10);

    readonly RedisConnection _connection;
    readonly ClusterMembership _cluster;
    readonly CallerRateLimiter _limiter;
    readonly LocalTokenBank _local;
    readonly TimeProvider _time;
    readonly ILogger<LimitsHeartbeat> _logger;

    public LimitsHeartbeat(
        RedisConnection connection,
        ClusterMembership cluster,
        CallerRateLimiter limiter,
        LocalTokenBank local,
        TimeProvider time,
        ILogger<LimitsHeartbeat> logger)
    {
        _connection = connection;
        _cluster = cluster;
        _limiter = limiter;
        _local = local;
        _time = time;
        _logger = logger;
        // Whoever noticed (this heartbeat or a request's lease), the switch to local shares is told once.
        cluster.RedisLost += error => Log.RedisLost(logger, cluster.Instances, error.GetType().Name);
        cluster.RedisBack += live => Log.RedisBack(logger, live);
    }

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_connection.IsConfigured)
        {
            // Before the server listens, so the first requests already share the cluster's buckets; the first beat waits
            // for Redis about as long as a request would, since an unreachable Redis is an outage, not a failed start.
            await _cluster.StartAsync();
        }
        else
        {
            Log.LocalOnly(_logger);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_cluster.Settings.HeartbeatInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var idleSince = _time.GetUtcNow() - IdleAfter;
                _limiter.ForgetIdle(idleSince);
                _local.Forget(idleSince);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await _cluster.LeaveAsync(cancellationToken);
    }
}
