using Gateway.CanonicalApi.Problems;
using Gateway.Orders.Intake;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Orders;

/// <summary>The problems the order endpoints answer themselves, with the canonical API's stable types (<c>api-specs/problems.md</c>).</summary>
internal static class OrderProblems
{
    const string Base = "https://gateway.example/problems/";

    /// <summary>422: the Idempotency-Key was used for a different order.</summary>
    public const string IdempotencyKeyReused = Base + "idempotency-key-reused";

    /// <summary>409 with Retry-After: the same request is still being placed by another call.</summary>
    public const string OrderInProgress = Base + "order-in-progress";

    /// <summary>409: the exception entry was handled already, or its order is past what the action can change.</summary>
    public const string ExceptionNotActionable = Base + "exception-not-actionable";

    /// <summary>404 naming the field, exactly alike for an unknown customer and one the caller does not act for.</summary>
    public static ProblemHttpResult NotFound(string field, string detail) => TypedResults.Problem(
        type: ProblemTypes.NotFound,
        title: "Not found",
        statusCode: StatusCodes.Status404NotFound,
        detail: detail,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } });

    public static ProblemHttpResult KeyReused() => TypedResults.Problem(
        type: IdempotencyKeyReused,
        title: "Idempotency key reused",
        statusCode: StatusCodes.Status422UnprocessableEntity,
        detail: $"This {IdempotencyKey.HeaderName} was already used for a different order; use a new key for a new order.",
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [IdempotencyKey.HeaderName] = ["used before with a different body"] } });

    public static ProblemHttpResult InProgress(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "1";
        return TypedResults.Problem(
            type: OrderInProgress,
            title: "Order still being placed",
            statusCode: StatusCodes.Status409Conflict,
            detail: $"A request with this {IdempotencyKey.HeaderName} is still being handled; retry shortly with the same key.");
    }
}
