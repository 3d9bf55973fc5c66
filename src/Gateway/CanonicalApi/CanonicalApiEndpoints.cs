namespace Gateway.CanonicalApi;

public static class CanonicalApiEndpoints
{
    /// <summary>Services of the canonical API: problem mapping, OpenAPI.</summary>
    public static IHostApplicationBuilder AddCanonicalApi(this IHostApplicationBuilder builder) => builder;

    /// <summary>Maps <c>/v1</c>, one module per resource.</summary>
    public static IEndpointRouteBuilder MapCanonicalApi(this IEndpointRouteBuilder app) => app;
}
