using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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

    /// <summary>
    /// 413: the body is over the limit Kestrel enforces for this request (<c>Edge:Requests:MaxBodyBytes</c>), whether its
    /// Content-Length said so or a chunked body grew past it while being read. Every door that reads a body answers this.
    /// </summary>
    public static ProblemDetails PayloadTooLarge(HttpContext context) => new()
    {
        Type = ProblemTypes.PayloadTooLarge,
        Title = "Payload too large",
        Status = StatusCodes.Status413PayloadTooLarge,
        Detail = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } max
            ? string.Create(CultureInfo.InvariantCulture, $"The request body may be at most {max} bytes.")
            : "The request body is too large.",
    };

    /// <summary>415: the body is not JSON (its Content-Type is missing or another media type).</summary>
    public static ProblemHttpResult UnsupportedMediaType() => TypedResults.Problem(
        type: ProblemTypes.UnsupportedMediaType,
        title: "Unsupported media type",
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        detail: "Send the body as JSON (Content-Type: application/json).");
}
