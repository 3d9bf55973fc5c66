using Microsoft.Extensions.Options;

namespace Gateway.Hosting.Shutdown;

/// <summary>Graceful shutdown: not-ready at once, a drain, then the host's ordered stop within <see cref="ShutdownOptions.Timeout"/>.</summary>
public static class ShutdownSetup
{
    public static IHostApplicationBuilder AddGracefulShutdown(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);
        services.AddHostedService<GracefulShutdown>();
        services.AddHealthChecks().AddCheck<DrainingCheck>("shutdown", tags: [GatewayHealth.ReadyTag]);
        return builder;
    }

    /// <summary>While draining, every answer closes its connection: the client's next request opens one to a ready instance.</summary>
    public static WebApplication UseGracefulShutdown(this WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        app.Use((context, next) =>
        {
            if (stopping.IsCancellationRequested)
            {
                context.Response.Headers.Connection = "close";
            }

            return next(context);
        });
        return app;
    }
}
