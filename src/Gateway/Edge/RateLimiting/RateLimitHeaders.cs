using System.Globalization;

namespace Gateway.Edge.RateLimiting;

/// <summary>
/// The fields of draft-ietf-httpapi-ratelimit-headers: <c>RateLimit-Policy</c> names the plan's two quotas,
/// <c>RateLimit</c> says what is left of each and when it resets (seconds).
/// </summary>
internal static class RateLimitHeaders
{
    public const string PolicyHeader = "RateLimit-Policy";
    public const string StateHeader = "RateLimit";

    /// <summary><c>"burst";q=50;w=1, "daily";q=100000;w=86400</c>: the per-second rate and the UTC day's quota.</summary>
    public static string Policy(PartnerPlan plan) => string.Create(CultureInfo.InvariantCulture,
        $"\"burst\";q={plan.RequestsPerSecond};w=1, \"daily\";q={plan.DailyQuota};w=86400");

    /// <summary><c>"burst";r=12;t=1, "daily";r=99000;t=3600</c>, or only the exhausted one on a refusal.</summary>
    public static string State(LimitDecision decision, DateTimeOffset now)
    {
        var dayReset = WholeSeconds(PartnerAllowance.NextMidnight(now) - now);
        return decision.Outcome == LimitOutcome.Refused
            ? decision.Limit == PlanLimit.Daily
                ? string.Create(CultureInfo.InvariantCulture, $"\"daily\";r=0;t={dayReset}")
                : string.Create(CultureInfo.InvariantCulture, $"\"burst\";r=0;t={WholeSeconds(decision.RetryAfter)}")
            : string.Create(CultureInfo.InvariantCulture,
                $"\"burst\";r={decision.Remaining};t=1, \"daily\";r={decision.DayRemaining};t={dayReset}");
    }

    /// <summary>Whole seconds, rounded up and at least 1: a client that waits this long is not refused for the same reason.</summary>
    public static long WholeSeconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
}
