namespace Gateway.Edge.RateLimiting;

/// <summary>
/// What this instance knows of the others: how many are live (from Redis heartbeats) and whether Redis answers.
/// The live count sizes leases and, once Redis is gone, each instance's local share of every plan.
/// </summary>
internal sealed class ClusterView(EdgeLimitsOptions options, TimeProvider time)
{
    volatile int _instances = options.ExpectedInstances;
    volatile bool _redisDown;
    long _downSinceTicks;

    /// <summary>Live instances seen at the last heartbeat (or the configured expectation before the first).</summary>
    public int Instances => _instances;

    /// <summary>True while Redis is configured but unreachable: limits are enforced locally, readiness is Degraded.</summary>
    public bool Degraded => _redisDown;

    public DateTimeOffset DownSince => new(Interlocked.Read(ref _downSinceTicks), TimeSpan.Zero);

    public string? LastError { get; private set; }

    public void Heard(int liveInstances)
    {
        // Never below 1 (we are live), and keep the last count learned while Redis was up for the fallback share.
        _instances = Math.Max(1, liveInstances);
        _redisDown = false;
        LastError = null;
    }

    /// <returns>True when this call moved the instance into the degraded state.</returns>
    public bool Lost(Exception error)
    {
        LastError = error.GetType().Name;
        if (_redisDown)
        {
            return false;
        }

        Interlocked.Exchange(ref _downSinceTicks, time.GetUtcNow().UtcTicks);
        _redisDown = true;
        return true;
    }
}
