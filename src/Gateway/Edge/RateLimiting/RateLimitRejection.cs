using System.Globalization;
using System.Threading.RateLimiting;
using Gateway.CanonicalApi.Problems;
using Microsoft.AspNetCore.RateLimiting;

namespace Gateway.Edge.RateLimiting;

/// <summary>The 429 answer: problem+json with <c>Retry-After</c>, <c>RateLimit-Policy</c> and <c>RateLimit</c>.</summary>
internal static class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var decision = rejected.Lease.TryGetMetadata(PlanLease.DecisionMetadata, out var found) && found is LimitDecision d
            ? d
            : new LimitDecision(LimitOutcome.Refused, PlanLimit.Burst, 0, 0, TimeSpan.FromSeconds(1));
        var retryAfter = RateLimitHeaders.WholeSeconds(decision.RetryAfter);

        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers[RateLimitHeaders.StateHeader] = RateLimitHeaders.State(decision, now);
        if (rejected.Lease.TryGetMetadata(PlanLease.PlanMetadata, out var plan) && plan is PartnerPlan partnerPlan)
        {
            context.Response.Headers[RateLimitHeaders.PolicyHeader] = RateLimitHeaders.Policy(partnerPlan);
        }

        var daily = decision.Limit == PlanLimit.Daily;
        await TypedResults.Problem(
            type: ProblemTypes.RateLimited,
            title: "Too many requests",
            statusCode: StatusCodes.Status429TooManyRequests,
            detail: daily
                ? "The plan's daily quota is used up; it renews at 00:00 UTC."
                : string.Create(CultureInfo.InvariantCulture, $"The plan's request rate is exceeded; retry after {retryAfter} s."),
            extensions: new Dictionary<string, object?> { ["limit"] = daily ? "daily" : "burst" })
            .ExecuteAsync(context);
    }
}
