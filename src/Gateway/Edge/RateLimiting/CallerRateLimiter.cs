using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Gateway.Core.Redis;
using Gateway.Edge.ApiKeys;
using Gateway.Edge.Authentication;
using Gateway.Observability;

namespace Gateway.Edge.RateLimiting;

/// <summary>
/// The global limiter of ASP.NET Core's rate limiting middleware: one partition per <see cref="Caller.Id"/> and plan
/// (a plan change starts a fresh partition), each an independent <see cref="PartnerAllowance"/> with its own lock,
/// so no partner waits on another. Admitted answers get a <c>RateLimit</c> header here, where the decision is known.
/// </summary>
internal sealed class CallerRateLimiter(
    ITokenBank bank,
    ClusterMembership cluster,
    EdgeLimitsOptions options,
    TimeProvider time) : PartitionedRateLimiter<HttpContext>
{
    readonly ConcurrentDictionary<(string Id, PartnerPlan Plan), PartnerAllowance> _allowances = new();

    // Created once: a lambda per request would allocate on the hottest path.
    readonly Func<(string Id, PartnerPlan Plan), PartnerAllowance> _create =
        key => new PartnerAllowance(key.Id, key.Plan, bank, cluster, options, time);

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount)
    {
        if (permitCount == 0 || AllowanceOf(resource) is not { } allowance)
        {
            return PlanLease.Unlimited;
        }

        var decision = allowance.TryTake();
        return decision.Outcome == LimitOutcome.NeedsLease ? PlanLease.Undecided : Answer(resource, allowance, decision);
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0 || AllowanceOf(resource) is not { } allowance)
        {
            return ValueTask.FromResult<RateLimitLease>(PlanLease.Unlimited);
        }

        var decision = allowance.TryTake();
        return decision.Outcome == LimitOutcome.NeedsLease
            ? SlowAsync(resource, allowance, cancellationToken)
            : ValueTask.FromResult<RateLimitLease>(Answer(resource, allowance, decision));
    }

    async ValueTask<RateLimitLease> SlowAsync(HttpContext resource, PartnerAllowance allowance, CancellationToken cancellationToken) =>
        Answer(resource, allowance, await allowance.TakeAsync(cancellationToken));

    // A refused credential is limited per client address, so a flood of guesses is answered 429 once over its plan.
    PartnerAllowance? AllowanceOf(HttpContext context) =>
        (context.Features.Get<Caller>() ?? context.Features.Get<RefusedCredential>()?.Partition) is { } caller
            ? _allowances.GetOrAdd((caller.Id, caller.Plan), _create)
            : null;

    PlanLease Answer(HttpContext context, PartnerAllowance allowance, LimitDecision decision)
    {
        if (decision.Outcome == LimitOutcome.Admitted)
        {
            // Cheap by design: one short string per request and the partition's cached policy; a refusal adds Retry-After.
            context.Response.Headers[RateLimitHeaders.PolicyHeader] = allowance.PolicyHeader;
            context.Response.Headers[RateLimitHeaders.StateHeader] = RateLimitHeaders.State(decision, time.GetUtcNow());
        }

        if (GatewayTracing.RecordedRequest(context) is { } span)
        {
            GatewayTracing.Admission(span, context.Features.Get<Caller>(), decision);
        }

        return PlanLease.For(allowance.Plan, decision);
    }

    /// <summary>
    /// The day's quota use of every partner this instance limited lately (partitions are forgotten when idle): cluster-wide
    /// figures as the shared bank last reported them, for the console and the per-plan gauges.
    /// </summary>
    public IReadOnlyList<PartnerQuotaUse> PartnerUse() =>
        [.. _allowances.Values
            .Where(a => a.CallerId.StartsWith(Partner.CallerIdPrefix, StringComparison.Ordinal))
            .Select(a => new PartnerQuotaUse(a.CallerId[Partner.CallerIdPrefix.Length..], a.Plan, a.Plan.DailyQuota - Math.Min(a.Plan.DailyQuota, a.DayRemaining), a.LastUsed))];

    /// <summary>What is left of <paramref name="caller"/>'s daily quota on this instance; its plan's whole quota when it has not called yet.</summary>
    public long DayRemaining(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return _allowances.TryGetValue((caller.Id, caller.Plan), out var allowance) ? allowance.DayRemaining : caller.Plan.DailyQuota;
    }

    /// <summary>Forgets partitions idle since <paramref name="before"/>: a returning caller just leases afresh.</summary>
    public void ForgetIdle(DateTimeOffset before)
    {
        foreach (var (key, allowance) in _allowances)
        {
            if (allowance.LastUsed < before)
            {
                _allowances.TryRemove(key, out _);
            }
        }
    }
}

/// <summary>A partner's use of its daily quota today.</summary>
internal sealed record PartnerQuotaUse(string PartnerId, PartnerPlan Plan, long UsedToday, DateTimeOffset LastCall);
