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

    /// <summary>
    /// The largest quota the fields can carry: <c>q</c> and <c>r</c> are Structured Field Integers (RFC 9651 §3.3.1), at
    /// most 15 decimal digits; a 16-digit daily quota makes both headers unparseable for every client. It is also below
    /// 2^53, the largest whole number the Redis bank's Lua script (doubles) counts exactly, and far below where
    /// <c>long</c> day counts and their sums with a lease (<see cref="PartnerAllowance"/>) could wrap. Rates and bursts are
    /// <c>int</c> (10 digits) and never reach it; their lease arithmetic stays in range because a lease is at most half
    /// the rate (<see cref="EdgeLimitsOptions.LeaseFraction"/>), so doubling one cannot overflow.
    /// </summary>
    public const long MaxQuota = 999_999_999_999_999;

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
