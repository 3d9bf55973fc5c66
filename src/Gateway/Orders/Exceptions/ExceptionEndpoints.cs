using Gateway.CanonicalApi.Problems;
using Gateway.Edge;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Orders.Exceptions;

/// <summary>The order exception queue under <c>/admin/exceptions</c> (admin token or <c>admin</c> scope).</summary>
public static class ExceptionEndpoints
{
    public static IEndpointRouteBuilder MapExceptionEndpoints(this IEndpointRouteBuilder app)
    {
        var exceptions = app.MapGroup("/admin/exceptions").WithTags("Order exceptions").RequireAuthorization(Scopes.Admin);
        exceptions.MapGet("/", List).WithSummary("Lists the exception queue, optionally by category and status.");
        exceptions.MapPost("/{exceptionId}/replay", Replay).WithSummary("Sends the order to the ERP again (a rejected one under a new reference).");
        exceptions.MapPost("/{exceptionId}/cancel", Cancel).WithSummary("Cancels an order the ERP does not hold.");
        exceptions.MapPost("/{exceptionId}/resolve", Resolve).WithSummary("Closes a reviewed price mismatch; the order goes on as it is.");
        return app;
    }

    static async Task<Results<Ok<ExceptionList>, ValidationProblem>> List(string? category, string? status, ExceptionQueue queue, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var byCategory = Parse<ExceptionCategory>(category, "category", errors);
        var byStatus = Parse<ExceptionStatus>(status, "status", errors);
        return errors.Count > 0
            ? CanonicalProblems.Invalid(errors)
            : TypedResults.Ok(new ExceptionList(await queue.ListAsync(byCategory, byStatus, cancellationToken)));
    }

    static async Task<Results<Ok<ExceptionAction>, ProblemHttpResult>> Replay(string exceptionId, ExceptionQueue queue, CancellationToken cancellationToken) =>
        Answer(exceptionId, "replayed", await queue.ReplayAsync(exceptionId, cancellationToken));

    static async Task<Results<Ok<ExceptionAction>, ProblemHttpResult>> Cancel(string exceptionId, ExceptionQueue queue, CancellationToken cancellationToken) =>
        Answer(exceptionId, "cancelled", await queue.CancelAsync(exceptionId, cancellationToken));

    static async Task<Results<Ok<ExceptionAction>, ProblemHttpResult>> Resolve(string exceptionId, ExceptionQueue queue, CancellationToken cancellationToken) =>
        Answer(exceptionId, "resolved", await queue.ResolveAsync(exceptionId, cancellationToken));

    /// <summary>The answer of an action on an exception, shared by the admin API and the operations console.</summary>
    internal static Results<Ok<ExceptionAction>, ProblemHttpResult> Answer(string exceptionId, string verb, (ExceptionActionResult Result, ExceptionAction? Action) outcome) => outcome.Result switch
    {
        ExceptionActionResult.Done => TypedResults.Ok(outcome.Action),
        ExceptionActionResult.NotFound => CanonicalProblems.NotFound("exception", exceptionId),
        ExceptionActionResult.NotOpen => TypedResults.Problem(
            type: ProblemTypes.ExceptionNotActionable,
            statusCode: StatusCodes.Status409Conflict, title: "Exception already handled", detail: $"Exception '{exceptionId}' is no longer open."),
        _ => TypedResults.Problem(
            type: ProblemTypes.ExceptionNotActionable,
            statusCode: StatusCodes.Status409Conflict,
            title: "Action not applicable",
            detail: verb == "resolved"
                ? $"Exception '{exceptionId}' holds its order back: replay or cancel it instead."
                : $"The order of exception '{exceptionId}' cannot be {verb} now: the ERP already holds it, or the entry holds nothing back."),
    };

    static T? Parse<T>(string? value, string field, Dictionary<string, string[]> errors)
        where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        errors[field] = [$"{field} must be one of {string.Join(", ", Enum.GetNames<T>())}."];
        return null;
    }
}

/// <summary>The answer of <c>GET /admin/exceptions</c>.</summary>
public sealed record ExceptionList(IReadOnlyList<ExceptionEntry> Items);
