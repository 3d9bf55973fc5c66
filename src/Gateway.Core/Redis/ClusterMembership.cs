using StackExchange.Redis;

namespace Gateway.Core.Redis;

/// <summary>How the process's one <see cref="ClusterMembership"/> beats (the host maps its options onto it).</summary>
/// <param name="Key">The sorted set of live instances (member: instance id, score: its last heartbeat on Redis's clock).</param>
/// <param name="HeartbeatInterval">How often this instance announces itself (and, while degraded, probes Redis).</param>
/// <param name="InstanceTimeout">Silence after which an instance no longer counts as live.</param>
/// <param name="RedisTimeout">Longest wait for one heartbeat.</param>
/// <param name="ExpectedInstances">Live instances assumed until the first heartbeat answers.</param>
public sealed record MembershipSettings(RedisKey Key, TimeSpan HeartbeatInterval, TimeSpan InstanceTimeout, TimeSpan RedisTimeout, int ExpectedInstances);

/// <summary>
/// This instance among the gateway instances that share one Redis: a heartbeat every interval into a sorted set scored
/// by Redis's own clock (so instances with skewed clocks still expire at one time), the number of live instances it
/// returns, and whether Redis answers. Shares of a cluster-wide limit (the partner plans, the ERP budgets) are sized from
/// <see cref="Instances"/>; while <see cref="Degraded"/>, each instance enforces its shares locally and the heartbeat probes
/// Redis until it answers. One per process, shared by those features: start it (<see cref="StartAsync"/>, any number of
/// times), read it, and leave (<see cref="LeaveAsync"/>) when the instance stops serving.
/// </summary>
public sealed class ClusterMembership : IAsyncDisposable
{
    // ZADD with Redis's clock, drop the silent, count the rest: one atomic round trip.
    const string Heartbeat = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local timeout = tonumber(ARGV[2])
        redis.call('ZADD', KEYS[1], now, ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - timeout)
        redis.call('PEXPIRE', KEYS[1], timeout * 2)
        return redis.call('ZCARD', KEYS[1])
        """;

    readonly RedisConnection _redis;
    readonly MembershipSettings _settings;
    readonly TimeProvider _time;
    readonly Lock _lock = new();
    readonly List<Func<IDatabase, Task>> _riders = [];
    ITimer? _timer;
    Task? _started;
    bool _left;
    volatile int _instances;
    volatile bool _degraded;
    long _downSinceTicks;
    int _beating;

    public ClusterMembership(RedisConnection redis, MembershipSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _redis = redis;
        _settings = settings;
        _time = time;
        _instances = Math.Max(1, settings.ExpectedInstances);
    }

    /// <summary>How this membership beats.</summary>
    public MembershipSettings Settings => _settings;

    /// <summary>Identifies this instance in the set (and in whatever it holds on the cluster's behalf).</summary>
    public string InstanceId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Live instances at the last heartbeat (the expectation before the first), at least 1; kept while Redis is away.</summary>
    public int Instances => _instances;

    /// <summary>True from a failed heartbeat or command until a heartbeat answers again.</summary>
    public bool Degraded => _degraded;

    /// <summary>When the current outage began (meaningful while <see cref="Degraded"/>).</summary>
    public DateTimeOffset DownSince => new(Interlocked.Read(ref _downSinceTicks), TimeSpan.Zero);

    /// <summary>The type of the last failure, until a heartbeat answers.</summary>
    public string? LastError { get; private set; }

    /// <summary>Raised as this instance becomes degraded, with the failure that made it so.</summary>
    public event Action<Exception>? RedisLost;

    /// <summary>Raised as a heartbeat answers after an outage, with the live instances.</summary>
    public event Action<int>? RedisBack;

    /// <summary>Work that rides each heartbeat, after it and within the same timeout; a failure counts as the heartbeat's.</summary>
    public void OnHeartbeat(Func<IDatabase, Task> work)
    {
        lock (_riders)
        {
            _riders.Add(work);
        }
    }

    /// <summary>A Redis command of this instance's users failed: shares are enforced locally until a heartbeat answers.</summary>
    /// <returns>True when this call made the instance degraded.</returns>
    public bool ReportFailure(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        LastError = error.GetType().Name;
        if (_degraded)
        {
            return false;
        }

        Interlocked.Exchange(ref _downSinceTicks, _time.GetUtcNow().UtcTicks);
        _degraded = true;
        RedisLost?.Invoke(error);
        return true;
    }

    /// <summary>
    /// Beats once now, then every <see cref="MembershipSettings.HeartbeatInterval"/>; nothing in the embedded mode. Every
    /// feature that relies on the membership calls it; they all await the same first beat.
    /// </summary>
    public Task StartAsync()
    {
        if (!_redis.IsConfigured)
        {
            return Task.CompletedTask;
        }

        lock (_lock)
        {
            return _started ??= BeginAsync();
        }
    }

    async Task BeginAsync()
    {
        await BeatAsync();
        lock (_lock)
        {
            if (!_left && _timer is null)
            {
                _timer = _time.CreateTimer(static state => _ = ((ClusterMembership)state!).BeatAsync(), this, _settings.HeartbeatInterval, _settings.HeartbeatInterval);
            }
        }
    }

    /// <summary>One heartbeat (skipped while the previous one is still waiting for a slow Redis).</summary>
    /// <returns>True when Redis answered.</returns>
    public async Task<bool> BeatAsync()
    {
        if (Interlocked.Exchange(ref _beating, 1) == 1)
        {
            return false;
        }

        try
        {
            if (_redis.Database is null)
            {
                // Redis not reached yet since start: worth a short wait, or the first beat is lost for nothing.
                await _redis.ConnectAsync(_settings.RedisTimeout);
            }

            var database = _redis.Database ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Not connected yet.");
            var live = (int)await database.ScriptEvaluateAsync(
                    Heartbeat, [_settings.Key], [InstanceId, (long)_settings.InstanceTimeout.TotalMilliseconds])
                .WaitAsync(_settings.RedisTimeout);
            Func<IDatabase, Task>[] riders;
            lock (_riders)
            {
                riders = [.. _riders];
            }

            foreach (var ride in riders)
            {
                await ride(database).WaitAsync(_settings.RedisTimeout);
            }

            Heard(live);
            return true;
        }
        catch (Exception error) when (RedisFailures.IsFailure(error))
        {
            ReportFailure(error);
            return false;
        }
        finally
        {
            Volatile.Write(ref _beating, 0);
        }
    }

    /// <summary>Stops beating and leaves the set at once, so the others widen their shares without waiting for the timeout.</summary>
    public async Task LeaveAsync(CancellationToken cancellationToken = default)
    {
        ITimer? timer;
        lock (_lock)
        {
            if (_left)
            {
                return;
            }

            _left = true;
            timer = _timer;
        }

        if (timer is not null)
        {
            await timer.DisposeAsync();
        }

        if (_redis.Database is { } database && _redis.IsConnected)
        {
            try
            {
                await database.SortedSetRemoveAsync(_settings.Key, InstanceId).WaitAsync(_settings.RedisTimeout, cancellationToken);
            }
            catch (Exception error) when (RedisFailures.IsFailure(error) || error is OperationCanceledException)
            {
                // The entry expires after InstanceTimeout anyway.
            }
        }
    }

    public async ValueTask DisposeAsync() => await LeaveAsync();

    void Heard(int live)
    {
        // Never below 1 (this instance is live), and the last count learned while Redis was up sizes the fallback share.
        _instances = Math.Max(1, live);
        LastError = null;
        if (_degraded)
        {
            _degraded = false;
            RedisBack?.Invoke(live);
        }
    }
}
