using Gateway.Admin;
using Gateway.Edge.Authentication;

namespace Gateway.Edge;

/// <summary>
/// The edge in the order a request meets it: who is calling (JWT or partner key, then the <see cref="Caller"/> feature),
/// the caller's plan, the scope policies, then the endpoints and the YARP routes.
/// </summary>
public static class EdgeSetup
{
    /// <summary>Authentication, partner keys and the admin API, plans and limits, the YARP front door.</summary>
    public static IHostApplicationBuilder AddEdge(this IHostApplicationBuilder builder)
    {
        builder.AddRequestLimits();
        builder.AddEdgeAuthentication();
        builder.AddAdminApi();
        builder.AddEdgeLimits();
        builder.AddEdgeProxy();
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

    /// <summary>The admin API and the YARP routes (configured routes, the governed ERP pass-through).</summary>
    public static WebApplication MapEdge(this WebApplication app)
    {
        app.MapAdminApi();
        app.MapEdgeProxy();
        return app;
    }
}
