using System.Threading.RateLimiting;

namespace Gateway.Edge.RateLimiting;

/// <summary>The answer of <see cref="CallerRateLimiter"/>, carrying the decision so a refusal can explain itself.</summary>
internal sealed class PlanLease : RateLimitLease
{
    public const string DecisionMetadata = "gateway.limit-decision";
    public const string PlanMetadata = "gateway.plan";

    /// <summary>Requests without a <see cref="Caller"/> (health, metrics, OpenAPI) are not limited.</summary>
    public static PlanLease Unlimited { get; } = new(acquired: true, null, default);

    /// <summary>The fast path could not decide; the middleware then asks the slow path.</summary>
    public static PlanLease Undecided { get; } = new(acquired: false, null, default);

    readonly PartnerPlan? _plan;
    readonly LimitDecision _decision;

    PlanLease(bool acquired, PartnerPlan? plan, LimitDecision decision)
    {
        IsAcquired = acquired;
        _plan = plan;
        _decision = decision;
    }

    public static PlanLease For(PartnerPlan plan, LimitDecision decision) =>
        new(decision.Outcome == LimitOutcome.Admitted, plan, decision);

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames =>
        _plan is null ? [] : [MetadataName.RetryAfter.Name, DecisionMetadata, PlanMetadata];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = _plan is null ? null : metadataName switch
        {
            _ when metadataName == MetadataName.RetryAfter.Name && !IsAcquired => (object)_decision.RetryAfter,
            DecisionMetadata => _decision,
            PlanMetadata => _plan,
            _ => null,
        };
        return metadata is not null;
    }
}
