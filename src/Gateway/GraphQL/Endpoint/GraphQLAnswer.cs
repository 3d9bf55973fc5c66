using System.Globalization;
using Gateway.CanonicalApi.Problems;
using Gateway.GraphQL.Guardrails;
using GraphQL;
using Microsoft.Net.Http.Headers;

namespace Gateway.GraphQL.Endpoint;

/// <summary>
/// How answers are written. The media type follows <c>Accept</c>: <c>application/graphql-response+json</c> when the client
/// lists it (then a request that could not run answers 4xx, as GraphQL over HTTP says), otherwise <c>application/json</c>
/// with 200 for every GraphQL answer, as older clients expect. A body that names no query is not a GraphQL request at all:
/// 400 either way (<see cref="MalformedRequest"/>).
/// </summary>
internal static class GraphQLAnswer
{
    public const string GraphQLResponseType = "application/graphql-response+json";

    /// <summary>An answer of a query that ran without errors, serialized to be kept and sent.</summary>
    public static async Task<byte[]> SerializeAsync(IGraphQLTextSerializer serializer, ExecutionResult result, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await serializer.WriteAsync(buffer, result, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>Sends an answer without errors, already serialized.</summary>
    public static async Task BodyAsync(HttpContext http, byte[] body)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = ContentType(http);
        http.Response.ContentLength = body.Length;
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
    }

    public static async Task ResultAsync(HttpContext http, IGraphQLTextSerializer serializer, ExecutionResult result)
    {
        var refusal = result.Errors?.OfType<QueryCostRefused>().FirstOrDefault();
        if (refusal is not null)
        {
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            http.Response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            // Apollo's persisted-query link expects PersistedQueryNotFound with 200, whatever it accepts.
            var couldNotRun = !result.Executed && result.Errors?.Any(e => e.Code == GraphQLErrors.PersistedQueryNotFound) != true;
            var malformed = result.Errors?.Any(e => e is MalformedRequest) == true;
            http.Response.StatusCode = malformed || (couldNotRun && WantsGraphQLResponse(http)) ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        }

        http.Response.ContentType = ContentType(http);
        await serializer.WriteAsync(http.Response.Body, result, http.RequestAborted);
    }

    /// <summary>A request that could not even be executed (no query, persisted query unknown, query too long).</summary>
    public static Task ErrorAsync(HttpContext http, IGraphQLTextSerializer serializer, ExecutionError error) =>
        ResultAsync(http, serializer, new ExecutionResult { Errors = [error], Executed = false });

    /// <summary>An HTTP-level refusal as REST answers it: problem+json with a type of the catalog (<see cref="ProblemTypes"/>).</summary>
    public static async Task ProblemAsync(HttpContext http, int status, string type, string title, string detail)
    {
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        http.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Type = type, Title = title, Detail = detail },
        });
    }

    static string ContentType(HttpContext http) => (WantsGraphQLResponse(http) ? GraphQLResponseType : "application/json") + "; charset=utf-8";

    static bool WantsGraphQLResponse(HttpContext http) =>
        http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(GraphQLResponseType, StringComparison.OrdinalIgnoreCase));
}
