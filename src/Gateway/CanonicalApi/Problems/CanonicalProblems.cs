using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.CanonicalApi.Problems;

/// <summary>The problems endpoints answer themselves (the exception handler answers the ERP's failures).</summary>
public static class CanonicalProblems
{
    /// <summary>
    /// 404 for a resource that does not exist. A customer the caller does not act for gets this very answer, so the
    /// detail names only what the caller sent.
    /// </summary>
    public static ProblemHttpResult NotFound(string resource, string key) => TypedResults.Problem(
        type: ProblemTypes.NotFound,
        title: "Not found",
        statusCode: StatusCodes.Status404NotFound,
        detail: $"No {resource} '{key}'.");

    /// <summary>400 naming each invalid field, in the <c>errors</c> member of RFC 9457's validation shape.</summary>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        detail: "One or more parameters are invalid; see errors.",
        title: "Invalid request",
        type: ProblemTypes.InvalidRequest);
}
