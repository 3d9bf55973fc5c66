using Gateway.GraphQL.Loading;
using GraphQL;

namespace Gateway.GraphQL.Endpoint;

/// <summary>
/// What resolvers need of the HTTP request, passed as GraphQL.NET's user context: the request (caller, customer scoping)
/// and the request's loaders. GraphQL.NET requires a dictionary; the typed properties are what the code uses.
/// </summary>
internal sealed class GraphQLRequestContext(HttpContext http, RequestLoaders loaders) : Dictionary<string, object?>
{
    public HttpContext Http { get; } = http;

    public RequestLoaders Loaders { get; } = loaders;
}

internal static class GraphQLRequestContextExtensions
{
    public static GraphQLRequestContext Request(this IResolveFieldContext context) =>
        context.UserContext as GraphQLRequestContext
        ?? throw new InvalidOperationException("GraphQL executed outside the gateway's endpoint.");
}
