using Gateway.Core.Erp;

namespace Gateway.Erp.Outbound.Budget;

/// <summary>
/// A request-rate budget for one node: a token bucket refilled at <c>rate</c> per second up to <c>burst</c>.
/// After the ERP answers 429 the bucket is emptied and refills only from the end of the pause, as the ERP's does.
/// </summary>
internal sealed class TokenBucketBudget : ReservedShareScheduler
{
    readonly double _rate;
    readonly double _burst;
    readonly double _reserve;
    double _tokens;
    DateTimeOffset _at;

    public TokenBucketBudget(ErpSystem erp, double rate, double burst, ErpConnectionOptions options, TimeProvider time)
        : base(erp, options, time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(rate, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        _rate = rate;
        _burst = burst;
        _reserve = Math.Floor(burst * options.InteractiveReserve);
        _tokens = burst;
        _at = time.GetUtcNow();
    }

    protected override double CapacityLocked => _burst;

    protected override double ReserveLocked => _reserve;

    protected override double AvailableLocked(DateTimeOffset now)
    {
        if (now > _at)
        {
            _tokens = Math.Min(_burst, _tokens + ((now - _at).TotalSeconds * _rate));
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
        var available = Math.Max(0, AvailableLocked(now));
        var missing = ahead + needed - available;
        var start = _at > now ? _at - now : TimeSpan.Zero;
        return missing <= 0 ? start : start + TimeSpan.FromSeconds(missing / (_rate * share));
    }

    protected override void OnPausedLocked(DateTimeOffset now, DateTimeOffset until)
    {
        _tokens = 0;
        _at = until;
    }
}
