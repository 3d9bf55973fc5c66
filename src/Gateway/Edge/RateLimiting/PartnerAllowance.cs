using Gateway.Core.Redis;
namespace Gateway.Edge.RateLimiting;

/// <summary>
/// One caller's plan as seen by one instance: a small pool of tokens leased from the <see cref="ITokenBank"/>,
/// spent locally without I/O, and refusals remembered until they can change, so that neither admitted nor
/// refused requests pay a Redis round trip each. Sizes and error bound: <see cref="LeaseSizing"/>.
/// Each caller has its own lock: one partner's traffic never waits on another's.
/// </summary>
internal sealed class PartnerAllowance(
    string callerId,
    PartnerPlan plan,
    ITokenBank bank,
    ClusterMembership cluster,
    EdgeLimitsOptions options,
    TimeProvider time)
{
    // A waiter that loses the race for freshly leased tokens this many times is refused rather than kept waiting.
    // Leases are sized to the waiters (below), so losing that often means the instance is starved, not unlucky.
    const int LeaseAttempts = 8;

    readonly Lock _gate = new();
    int _pool;
    int _lastLease;
    DateTimeOffset _poolExpires;
    DateOnly _poolDay;
    int _nextLease = 1;
    DateTimeOffset _refusedUntil;
    PlanLimit _refusedBy;
    int _remaining = LeaseSizing.Burst(plan);
    long _dayRemaining = plan.DailyQuota;
    int _waiting;
    Task? _leasing;

    public PartnerPlan Plan => plan;

    /// <summary>The plan's <c>RateLimit-Policy</c> field, formatted once per partition.</summary>
    public string PolicyHeader { get; } = RateLimitHeaders.Policy(plan);

    public DateTimeOffset LastUsed { get; private set; }

    /// <summary>The caller this allowance limits.</summary>
    public string CallerId => callerId;

    /// <summary>Requests left in today's quota as the bank last said, plus what this instance still holds unspent.</summary>
    public long DayRemaining
    {
        get
        {
            lock (_gate)
            {
                var now = time.GetUtcNow();
                if (_refusedBy == PlanLimit.Daily && now < _refusedUntil)
                {
                    return 0;
                }

                return _poolDay == Day(now) ? _dayRemaining + _pool : plan.DailyQuota;
            }
        }
    }

    /// <summary>The synchronous fast path: spends a pooled token or repeats a standing refusal; never does I/O.</summary>
    public LimitDecision TryTake()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            LastUsed = now;
            if (now < _refusedUntil)
            {
                return Refusal(now);
            }

            if (_pool > 0 && now < _poolExpires && _poolDay == Day(now))
            {
                _pool--;
                // The bank counted the whole lease as spent; what this instance still holds is not.
                return new LimitDecision(LimitOutcome.Admitted, PlanLimit.Burst, _remaining + _pool, _dayRemaining + _pool, TimeSpan.Zero);
            }

            return LimitDecision.NeedsLease;
        }
    }

    /// <summary>The slow path: one lease in flight per caller and instance, shared by every request that waits.</summary>
    public async ValueTask<LimitDecision> TakeAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            return await TakeWaitingAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }
    }

    async ValueTask<LimitDecision> TakeWaitingAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < LeaseAttempts; attempt++)
        {
            var decision = TryTake();
            if (decision.Outcome != LimitOutcome.NeedsLease)
            {
                return decision;
            }

            Task leasing;
            lock (_gate)
            {
                if (_leasing is null || _leasing.IsCompleted)
                {
                    _leasing = LeaseAsync(time.GetUtcNow());
                }

                leasing = _leasing;
            }

            await leasing.WaitAsync(cancellationToken);
        }

        lock (_gate)
        {
            return new LimitDecision(LimitOutcome.Refused, PlanLimit.Burst, 0, _dayRemaining, TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Called under no lock; touches state only under <see cref="_gate"/>.</summary>
    async Task LeaseAsync(DateTimeOffset now)
    {
        TokenRequest request;
        lock (_gate)
        {
            // Leftovers of an expired (or yesterday's) lease go back with this request instead of costing a call.
            var returned = _pool;
            var max = LeaseSizing.MaxLease(plan, cluster.Instances, options.LeaseFraction);
            _nextLease = _lastLease == 0 ? 1 : LeaseSizing.Next(_lastLease, returned, max);
            // Every request already waiting for this lease needs a token from it: a lease smaller than the queue would
            // make the losers of the race wait for another round trip, and after a few rounds refuse a caller well
            // within its plan.
            _nextLease = Math.Max(_nextLease, Math.Min(Volatile.Read(ref _waiting), max));
            request = new TokenRequest(callerId, plan, _nextLease, Day(now), returned, _poolDay);
            _pool = 0;
        }

        var grant = await bank.LeaseAsync(request);

        var after = time.GetUtcNow();
        lock (_gate)
        {
            _remaining = grant.BucketRemaining;
            _dayRemaining = grant.DayRemaining;
            if (grant.Granted > 0)
            {
                _pool = grant.Granted;
                _lastLease = grant.Granted;
                _poolDay = request.Day;
                _poolExpires = after + options.LeaseLifetime;
                _refusedUntil = default;
            }
            else
            {
                _lastLease = 0;
                _refusedBy = grant.DayExhausted ? PlanLimit.Daily : PlanLimit.Burst;
                _refusedUntil = grant.DayExhausted
                    ? NextMidnight(after)
                    : after + (grant.RetryAfter > TimeSpan.Zero ? grant.RetryAfter : TimeSpan.FromMilliseconds(1));
            }
        }
    }

    LimitDecision Refusal(DateTimeOffset now) =>
        new(LimitOutcome.Refused, _refusedBy, 0, _refusedBy == PlanLimit.Daily ? 0 : _dayRemaining, _refusedUntil - now);

    static DateOnly Day(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    internal static DateTimeOffset NextMidnight(DateTimeOffset now) =>
        new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
}
