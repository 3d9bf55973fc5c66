using Gateway.CanonicalApi.Problems;
using Gateway.Orders.Intake;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Orders;

/// <summary>The problems the order endpoints answer themselves, with the canonical API's stable types (<c>api-specs/problems.md</c>).</summary>
internal static class OrderProblems
{
    /// <summary>404 naming the field, exactly alike for an unknown customer and one the caller does not act for.</summary>
    public static ProblemHttpResult NotFound(string field, string detail) => TypedResults.Problem(
        type: ProblemTypes.NotFound,
        title: "Not found",
        statusCode: StatusCodes.Status404NotFound,
        detail: detail,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });

    /// <param name="what">What the key places: <c>order</c>, <c>return</c>.</param>
    public static ProblemHttpResult KeyReused(string what = "order") => TypedResults.Problem(
        type: ProblemTypes.IdempotencyKeyReused,
        title: "Idempotency key reused",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        detail: $"This {IdempotencyKey.HeaderName} was already used for a different {what}; use a new key for a new {what}.",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [IdempotencyKey.HeaderName] = ["used before with a different body"] } });

    public static ProblemHttpResult InProgress(HttpContext context, string what = "Order")
    {
        context.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            type: ProblemTypes.OrderInProgress,
            title: what + " still being placed",
            statusCode: StatusCodes.Status409Conflict,
            detail: $"A request with this {IdempotencyKey.HeaderName} is still being handled; retry shortly with the same key.");
    }
}
