using Gateway.Core.Redis;
using Gateway.Edge.RateLimiting;
using Gateway.Erp.Redis;
using Gateway.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Edge;

/// <summary>Plans and distributed limits.</summary>
public static class EdgeLimitsSetup
{
    /// <summary>
    /// Partner plans enforced by ASP.NET Core's rate limiting middleware, partitioned by <see cref="Caller.Id"/>,
    /// shared across instances through Redis (<c>ConnectionStrings:Redis</c>) or local when it is unset;
    /// readiness entry <c>rate-limits</c>.
    /// </summary>
    public static IHostApplicationBuilder AddEdgeLimits(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EdgeLimitsOptions>().BindConfiguration(EdgeLimitsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        var redis = builder.Configuration.GetConnectionString("Redis");
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EdgeLimitsOptions>>().Value);
        services.AddClusterMembership(builder.Configuration);
        services.AddSingleton<LocalTokenBank>();
        services.AddSingleton<ITokenBank>(sp => new FailoverTokenBank(
            string.IsNullOrWhiteSpace(redis)
                ? null
                : new RedisTokenBank(sp.GetRequiredService<RedisConnection>(), sp.GetRequiredService<EdgeLimitsOptions>()),
            sp.GetRequiredService<LocalTokenBank>(),
            sp.GetRequiredService<ClusterMembership>()));
        services.AddSingleton<CallerRateLimiter>();
        services.AddHostedService<LimitsHeartbeat>();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<CallerRateLimiter>((limits, limiter) =>
        {
            limits.GlobalLimiter = limiter;
            limits.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limits.OnRejected = RateLimitRejection.WriteAsync;
        });

        services.AddHealthChecks().AddCheck<RateLimitsHealthCheck>(RateLimitsHealthCheck.Name, tags: [GatewayHealth.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// Applies the plans. Place it after authentication (it reads the <see cref="Caller"/> feature) and before
    /// the endpoints; requests without a Caller pass unlimited.
    /// </summary>
    public static WebApplication UseEdgeLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }
}
