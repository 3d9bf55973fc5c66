using Gateway.Caching;
using Gateway.Core.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Events;

/// <summary>Change events from the ERPs: webhook intake, the legacy feed poller, the change stream every instance reads.</summary>
public static class EventsSetup
{
    /// <summary>
    /// Ingestion and invalidation; with <c>ConnectionStrings:Redis</c> the ledger, stream, lease and checkpoint live in
    /// Redis, otherwise in memory with the same rules (single node). Call it after <c>AddCanonicalCaching</c>.
    /// </summary>
    public static IHostApplicationBuilder AddErpEvents(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<EventsOptions>().BindConfiguration(EventsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EventsOptions>>().Value);
        services.AddSingleton<ChangeIngestion>();
        services.AddSingleton<FreshnessWindow>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<WebhookVerifier>();
        services.AddKeyedSingleton(ErpEventsEndpoint.RefusalLogKey, (sp, _) => new LogThrottle(sp.GetRequiredService<TimeProvider>()));

        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis")))
        {
            services.AddSingleton<IChangeLedger, MemoryChangeLedger>();
            services.AddSingleton<IFeedLease, MemoryFeedLease>();
        }
        else
        {
            services.AddSingleton<IChangeLedger, RedisChangeLedger>();
            services.AddSingleton<IFeedLease, RedisFeedLease>();
            services.AddSingleton<InvalidationAcks>();
            services.AddSingleton<ChangeStreamReader>();
            services.AddHostedService(sp => sp.GetRequiredService<ChangeStreamReader>());
            services.AddSingleton<InvalidationProgress>();
            services.AddHostedService(sp => sp.GetRequiredService<InvalidationProgress>());
        }

        services.AddHostedService<LegacyFeedPoller>();
        return builder;
    }

    /// <summary><c>POST /events/erp</c>, authenticated by its timestamped HMAC signature rather than a caller's credential.</summary>
    public static IEndpointRouteBuilder MapErpEvents(this IEndpointRouteBuilder app)
    {
        if (string.IsNullOrEmpty(app.ServiceProvider.GetRequiredService<EventsOptions>().WebhookSecret))
        {
            Log.NoWebhookSecret(app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Gateway.Events"));
        }

        app.MapPost(ErpEventsEndpoint.Route, ErpEventsEndpoint.HandleAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .ExcludeFromDescription();
        return app;
    }
}
