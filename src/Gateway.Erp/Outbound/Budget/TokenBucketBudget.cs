using Gateway.Core.Erp;

namespace Gateway.Erp.Outbound.Budget;

/// <summary>
/// A request-rate budget for one node: a token bucket refilled at <c>rate</c> per second up to <c>burst</c>.
/// After the ERP answers 429 the bucket is emptied and refills only from the end of the pause, as the ERP's does, and
/// at half the rate it had (the ERP's quota is evidently lower than configured, or someone else spends it); the rate
/// then climbs back to the configured one by <see cref="RecoveryPerSecond"/> of it per second.
/// A new budget starts empty by default: an instance that has just started cannot know how much of the ERP's bucket
/// its predecessor or a neighbour spent a moment ago, so it earns its burst at the configured rate like the ERP does.
/// </summary>
internal sealed class TokenBucketBudget : ReservedShareScheduler
{
    /// <summary>Share of the configured rate regained per second without a 429: full rate again within 10 s.</summary>
    public const double RecoveryPerSecond = 0.1;

    /// <summary>The rate never drops below this share of the configured one, so a budget always recovers.</summary>
    public const double FloorShare = 1.0 / 16;

    readonly double _ceiling;
    readonly double _burst;
    readonly double _reserve;
    double _rate;
    double _tokens;
    DateTimeOffset _at;

    public TokenBucketBudget(ErpSystem erp, double rate, double burst, ErpConnectionOptions options, TimeProvider time, bool startFull = false)
        : base(erp, options, time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(rate, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _ceiling = _rate = rate;
        _burst = burst;
        _reserve = Math.Floor(burst * options.InteractiveReserve);
        _tokens = startFull ? burst : 0;
        _at = time.GetUtcNow();
    }

    /// <summary>Tokens per second now: the configured rate, or less while recovering from a 429.</summary>
    public double Rate
    {
        get
        {
            lock (Gate)
            {
                AvailableLocked(Time.GetUtcNow());
                return _rate;
            }
        }
    }

    protected override double CapacityLocked => _burst;

    protected override double ReserveLocked => _reserve;

    protected override double AvailableLocked(DateTimeOffset now)
    {
        if (now > _at)
        {
            var elapsed = (now - _at).TotalSeconds;
            _tokens = Math.Min(_burst, _tokens + (elapsed * _rate));
            _rate = Math.Min(_ceiling, _rate + (_ceiling * RecoveryPerSecond * elapsed));
            _at = now;
        }

        return _tokens;
    }

    protected override BudgetLease TakeLocked(DateTimeOffset now)
    {
        _tokens -= 1;
        return BudgetLease.Granted();
    }

    protected override void OnStarvedLocked(DateTimeOffset now, double needed)
    {
        var missing = needed - _tokens;
        var start = _at > now ? _at - now : TimeSpan.Zero;
        ScheduleDispatchLocked(start + TimeSpan.FromSeconds(missing / _rate));
    }

    protected override TimeSpan? EstimateWaitLocked(DateTimeOffset now, int ahead, double share, double needed)
    {
        // The pause (the only time _at lies ahead) is added by the scheduler, so it is not counted here again.
        var available = Math.Max(0, AvailableLocked(now));
        var missing = ahead + needed - available;
        return missing <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(missing / (_rate * share));
    }

    protected override void OnPausedLocked(DateTimeOffset now, DateTimeOffset until)
    {
        AvailableLocked(now);
        // Several 429s of one burst arrive together: halve once per pause, not once per refused request.
        if (_at <= now)
        {
            _rate = Math.Max(_ceiling * FloorShare, _rate / 2);
        }

        _tokens = 0;
        _at = until;
    }
}
