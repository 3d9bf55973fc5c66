using Gateway.CanonicalApi.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.ChannelEvents.Api;

/// <summary>The webhooks' own problem answers (their types are in <c>api-specs/problems.md</c>).</summary>
internal static class WebhookProblems
{
    public static ProblemHttpResult NotFound() => CanonicalProblems.NotFound("webhook", "(this id)");

    public static ProblemHttpResult TooManyEndpoints(int max) => TypedResults.Problem(
        type: ProblemTypes.WebhookLimit,
        title: "Too many webhook endpoints",
        statusCode: StatusCodes.Status409Conflict,
        detail: $"This owner already has {max} endpoints, the most allowed; remove one first.");

    public static ProblemHttpResult QueueFull() => TypedResults.Problem(
        type: ProblemTypes.WebhookLimit,
        title: "Webhook queue full",
        statusCode: StatusCodes.Status409Conflict,
        detail: "The endpoint's queue is full; replay once it has drained.");

    public static ProblemHttpResult OwnerRequired() => TypedResults.Problem(
        type: ProblemTypes.WebhookOwnerRequired,
        title: "Not a webhook owner",
        statusCode: StatusCodes.Status403Forbidden,
        detail: "Only a partner, or a storefront app acting for one customer, registers its own webhooks.");
}
