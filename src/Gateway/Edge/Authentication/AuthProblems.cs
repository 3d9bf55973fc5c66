using Gateway.CanonicalApi.Problems;

namespace Gateway.Edge.Authentication;

/// <summary>
/// The 401 and 403 answers. Every failed credential — missing, malformed, unknown, expired, revoked — gets the same
/// 401 body, so a caller cannot tell which check refused it.
/// </summary>
internal static class AuthProblems
{
    public static Task WriteUnauthenticatedAsync(HttpContext context)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer, ApiKey header=\"X-Api-Key\"";
        return TypedResults.Problem(
                type: ProblemTypes.Unauthenticated,
                title: "Unauthenticated",
                statusCode: StatusCodes.Status401Unauthorized,
                detail: "A valid credential is required: X-Api-Key, or Authorization: Bearer with a storefront JWT or the admin token.")
            .ExecuteAsync(context);
    }

    public static Task WriteForbiddenAsync(HttpContext context, IEnumerable<string> requiredScopes)
    {
        if (context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        var scopes = string.Join("', '", requiredScopes);
        return TypedResults.Problem(
                type: ProblemTypes.Forbidden,
                title: "Forbidden",
                statusCode: StatusCodes.Status403Forbidden,
                detail: scopes.Length == 0 ? "The caller may not use this resource." : $"The scope '{scopes}' is required.")
            .ExecuteAsync(context);
    }
}
