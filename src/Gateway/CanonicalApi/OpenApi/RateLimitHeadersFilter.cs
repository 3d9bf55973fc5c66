using Gateway.Edge.RateLimiting;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Gateway.CanonicalApi.OpenApi;

/// <summary>
/// Documents the headers every limited answer carries (<see cref="CallerRateLimiter"/>, <see cref="RateLimitRejection"/>):
/// <c>RateLimit-Policy</c> and <c>RateLimit</c> (draft-ietf-httpapi-ratelimit-headers) on the answers to a caller with a
/// plan, and <c>Retry-After</c> on <c>429</c> and <c>503</c>, so clients can pace themselves from the document alone.
/// </summary>
internal sealed class RateLimitHeadersFilter : IOperationFilter
{
    static readonly OpenApiHeader Policy = new()
    {
        Description = "The caller's plan: \"burst\";q=<requests>;w=1, \"daily\";q=<requests>;w=86400. Sent to callers with a plan.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 256 },
    };

    static readonly OpenApiHeader State = new()
    {
        Description = "What is left of each quota and when it resets, in seconds: \"burst\";r=<left>;t=1, \"daily\";r=<left>;t=<seconds>. Sent to callers with a plan.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 256 },
    };

    static readonly OpenApiHeader RetryAfter = new()
    {
        Description = "Seconds to wait before asking again.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "1", Maximum = "86400" },
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse writable)
            {
                continue;
            }

            writable.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.OrdinalIgnoreCase);
            if (status.StartsWith('2') || status.StartsWith('4'))
            {
                writable.Headers[RateLimitHeaders.PolicyHeader] = Policy;
                writable.Headers[RateLimitHeaders.StateHeader] = State;
            }

            if (status is "429" or "503")
            {
                writable.Headers[HeaderNames.RetryAfter] = RetryAfter;
            }
        }
    }
}
