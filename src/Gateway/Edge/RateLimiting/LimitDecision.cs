namespace Gateway.Edge.RateLimiting;

/// <summary>Which of a plan's two limits a decision is about, named as in the <c>RateLimit-Policy</c> header.</summary>
internal enum PlanLimit
{
    Burst,
    Daily,
}

/// <summary>The outcome of asking a caller's allowance for one request.</summary>
/// <param name="Remaining">Approximate requests left in the burst (what this instance last heard, minus its own use).</param>
/// <param name="DayRemaining">Approximate requests left today.</param>
/// <param name="RetryAfter">For a refusal: when asking again can succeed.</param>
internal readonly record struct LimitDecision(
    LimitOutcome Outcome,
    PlanLimit Limit,
    int Remaining,
    long DayRemaining,
    TimeSpan RetryAfter)
{
    public static LimitDecision NeedsLease { get; } = new(LimitOutcome.NeedsLease, PlanLimit.Burst, 0, 0, TimeSpan.Zero);
}

internal enum LimitOutcome
{
    Admitted,
    Refused,

    /// <summary>The local pool is empty: only a (possibly remote) lease can decide.</summary>
    NeedsLease,
}
