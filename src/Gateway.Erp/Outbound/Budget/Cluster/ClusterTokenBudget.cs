using Gateway.Core.Erp;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Erp.Outbound.Budget.Cluster;

/// <summary>
/// The cloud ERP's request budget shared by every instance: one token bucket in Redis at the gateway's planned rate and
/// burst, from which each instance leases a few tokens at a time into its local scheduler.
/// </summary>
/// <remarks>
/// Why the ERP never sees more than its bucket allows: an instance holds at most m = floor(f·B/N) unspent tokens
/// (f = <see cref="ErpBudgetOptions.LeaseFraction"/>, B the planned burst, N live instances) and the shared bucket holds at
/// most B − N·m, so over any window the cluster sends at most B + R·T, the planned bucket, which
/// <see cref="ErpBudgets.CloudBucket"/> keeps below the ERP's. (Tokens beyond m, left from before more instances joined,
/// are dropped, so the sum holds then too.) A lease asks for m less what the instance holds, and an instance that spends
/// its last token tops up in the background, leaving the shared bucket's interactive reserve: an ERP call seldom waits
/// for Redis, a busy instance makes about R/m Redis calls a second, and an idle one holds at most m tokens, which the
/// bucket's arithmetic set aside for it anyway. A 429 pauses
/// every instance through a shared paused-until key, empties the shared bucket and halves its rate (regained within 10 s).
/// While Redis is unreachable the instance falls back to its share, R/N and B/N, starting empty (the shared bucket may
/// just have been spent), and returns to Redis when a heartbeat gets through.
/// </remarks>
internal sealed class ClusterTokenBudget : ReservedShareScheduler
{
    readonly ErpCluster _cluster;
    readonly double _rate;
    readonly double _burst;
    readonly double _reserveShare;
    readonly RedisKey _bucket;
    readonly RedisKey _paused;
    double _pool;
    bool _leasing;
    bool _local;
    double _localTokens;
    DateTimeOffset _localAt;

    public ClusterTokenBudget(ErpSystem erp, double rate, double burst, ErpConnectionOptions options, ErpCluster cluster, TimeProvider time)
        : base(erp, options, time)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        _cluster = cluster;
        _rate = rate;
        _burst = burst;
        _reserveShare = options.InteractiveReserve;
        _bucket = cluster.Key(erp, "bucket");
        _paused = cluster.Key(erp, "paused");
        _local = cluster.Degraded;
        _localAt = time.GetUtcNow();
    }

    protected override string Coordination => _cluster.Degraded ? "local (redis unreachable)" : "redis";

    /// <summary>Most unspent tokens this instance may hold.</summary>
    int MaxLease => (int)Math.Max(1, Math.Floor(_cluster.Options.LeaseFraction * _burst / _cluster.Instances));

    double SharedBurst => Math.Max(1, _burst - (_cluster.Instances * MaxLease));

    double LocalRate => _rate / _cluster.Instances;

    double LocalBurst => Math.Max(1, Math.Floor(_burst / _cluster.Instances));

    protected override double CapacityLocked => _local ? LocalBurst : _burst;

    // In Redis mode the shared bucket keeps the reserve: a background lease leaves it there.
    protected override double ReserveLocked => _local ? Math.Floor(LocalBurst * _reserveShare) : 0;

    protected override double AvailableLocked(DateTimeOffset now)
    {
        if (_cluster.Degraded != _local)
        {
            _local = _cluster.Degraded;
            _localTokens = 0;
            _localAt = now;
        }

        // Fewer tokens per instance since more joined: what it holds beyond its share is no longer covered by the bucket.
        _pool = Math.Min(_pool, MaxLease);
        if (_local && now > _localAt)
        {
            _localTokens = Math.Min(LocalBurst, _localTokens + ((now - _localAt).TotalSeconds * LocalRate));
            _localAt = now;
        }

        return _pool + (_local ? _localTokens : 0);
    }

    protected override BudgetLease TakeLocked(DateTimeOffset now)
    {
        if (_pool >= 1)
        {
            _pool -= 1;
            if (_pool < 1 && !_local)
            {
                LeaseLocked();   // the next call should not have to wait for Redis
            }
        }
        else
        {
            _localTokens -= 1;
        }

        return BudgetLease.Granted();
    }

    protected override void OnStarvedLocked(DateTimeOffset now, double needed)
    {
        if (_local)
        {
            var start = _localAt > now ? _localAt - now : TimeSpan.Zero;
            ScheduleDispatchLocked(start + TimeSpan.FromSeconds((needed - _localTokens - _pool) / LocalRate));
            return;
        }

        LeaseLocked();
    }

    /// <summary>
    /// Asks the shared bucket for up to <see cref="MaxLease"/> tokens in all, unless a lease is already on its way; a lease
    /// no interactive call waits for leaves the reserve.
    /// </summary>
    void LeaseLocked()
    {
        if (_leasing)
        {
            return;
        }

        _leasing = true;
        var want = Math.Max(1, MaxLease - (int)Math.Floor(_pool));
        var reserve = InteractiveWaitingLocked ? 0 : Math.Floor(SharedBurst * _reserveShare);
        _ = Task.Run(() => LeaseAsync(want, reserve));
    }

    protected override TimeSpan? EstimateWaitLocked(DateTimeOffset now, int ahead, double share, double needed)
    {
        var missing = ahead + needed - AvailableLocked(now);
        return missing <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(missing / (LocalRate * share));
    }

    protected override void OnPausedLocked(DateTimeOffset now, DateTimeOffset until)
    {
        _pool = 0;
        _localTokens = 0;
        _localAt = until;
        if (!_local)
        {
            var pauseMs = (long)Math.Ceiling((until - now).TotalMilliseconds);
            _ = Task.Run(() => PublishPauseAsync(pauseMs));
        }
    }

    async Task LeaseAsync(int want, double reserve)
    {
        try
        {
            var answer = (RedisResult[])(await _cluster.RunAsync(db => db.ScriptEvaluateAsync(
                ClusterScripts.LeaseTokens, [_bucket, _paused], [_rate, SharedBurst, want, reserve])))!;
            var (granted, waitMs, paused) = ((int)answer[0], (long)answer[1], (int)answer[2] == 1);
            lock (Gate)
            {
                _leasing = false;
                _pool += granted;
                var wait = TimeSpan.FromMilliseconds(waitMs);
                if (paused)
                {
                    _pool = 0;
                    HoldUntilLocked(Time.GetUtcNow() + wait);
                }
                else if (granted == 0)
                {
                    ScheduleDispatchLocked(wait);
                }
            }
        }
        catch (Exception error) when (RedisFailures.IsFailure(error))
        {
            lock (Gate)
            {
                _leasing = false;
            }
        }

        DispatchNow();
    }

    async Task PublishPauseAsync(long pauseMs)
    {
        try
        {
            await _cluster.RunAsync(db => db.ScriptEvaluateAsync(
                ClusterScripts.PauseTokens, [_bucket, _paused], [pauseMs, TokenBucketBudget.FloorShare]));
        }
        catch (Exception error) when (RedisFailures.IsFailure(error))
        {
            // Redis is gone: this instance is paused, and the others fall back to their own shares.
        }
    }
}
