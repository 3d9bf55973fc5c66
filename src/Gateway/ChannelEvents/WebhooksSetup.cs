using Gateway.ChannelEvents.Api;
using Gateway.ChannelEvents.Delivery;
using Gateway.ChannelEvents.Production;
using Gateway.ChannelEvents.Storage;
using Gateway.Erp.Redis;
using Gateway.Events;
using Gateway.Orders.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.ChannelEvents;

/// <summary>
/// Events out to the channels: subscriptions, production from the order feed and the ERPs' change events, durable
/// delivery with retries and dead letters. With <c>ConnectionStrings:Redis</c> the endpoints and their queues live in
/// Redis (any instance delivers, another takes over when it dies); otherwise in memory with the same rules.
/// </summary>
public static class WebhooksSetup
{
    public static IHostApplicationBuilder AddChannelWebhooks(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhooksOptions>().BindConfiguration(WebhooksOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis")))
        {
            services.AddSingleton<MemoryWebhookStore>();
            services.AddSingleton<IWebhookSubscriptions>(sp => sp.GetRequiredService<MemoryWebhookStore>());
            services.AddSingleton<IWebhookOutbox>(sp => sp.GetRequiredService<MemoryWebhookStore>());
        }
        else
        {
            services.AddRedisConnection(builder.Configuration);
            services.AddSingleton<IWebhookSubscriptions, RedisWebhookSubscriptions>();
            services.AddSingleton<IWebhookOutbox, RedisWebhookOutbox>();
        }

        services.AddSingleton<TargetPolicy>();
        services.AddHttpClient(WebhookSender.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                // A redirect would leave the checked URL; the policy checks every connection's address.
                AllowAutoRedirect = false,
                UseCookies = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectCallback = sp.GetRequiredService<TargetPolicy>().ConnectAsync,
            })
            // The target URL is a caller's text: the client's own request logging would write it raw.
            .RemoveAllLoggers();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDirectory>();
        services.AddSingleton<WebhookRegistry>();
        services.AddSingleton<ChannelEventPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<ChannelEventPublisher>());
        services.AddHostedService<WebhookDispatcher>();
        services.AddSingleton<IOrderObserver, OrderEvents>();
        services.AddSingleton<IChangeObserver, ErpChangeEvents>();
        return builder;
    }

    /// <summary>The admin routes (<c>/admin/partners/{partnerId}/webhooks</c>, <c>/admin/webhooks/…</c>); the owners' are under <c>/me/webhooks</c>.</summary>
    public static IEndpointRouteBuilder MapChannelWebhooks(this IEndpointRouteBuilder app) => app.MapWebhookAdmin();
}
