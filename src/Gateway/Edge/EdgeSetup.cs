using Gateway.Edge.Authentication;

namespace Gateway.Edge;

/// <summary>
/// The edge in the order a request meets it: who is calling (JWT or partner key, then the <see cref="Caller"/> feature),
/// the caller's plan, the scope policies; the endpoints, the admin API and the YARP routes come after it.
/// </summary>
public static class EdgeSetup
{
    /// <summary>Request size limits, authentication and partner keys, plans and limits.</summary>
    public static IHostApplicationBuilder AddEdge(this IHostApplicationBuilder builder)
    {
        builder.AddRequestLimits();
        builder.AddEdgeAuthentication();
        builder.AddEdgeLimits();
        return builder;
    }

    /// <summary>Place after the gateway defaults and before any endpoint: limits read the caller that authentication set.</summary>
    public static WebApplication UseEdge(this WebApplication app)
    {
        app.UseRequestLimits();
        app.UseEdgeAuthentication();
        app.UseEdgeLimits();
        // After the limits: a caller refused for its scope still spends its plan, so refusals cannot flood.
        app.UseEdgeAuthorization();
        return app;
    }
}
