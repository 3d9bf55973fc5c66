using Gateway.Caching;
using Gateway.Erp;
using Gateway.Events;
using Gateway.Operations;
using Gateway.Orders;
using Gateway.Versions;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Gateway.Hosting;

/// <summary>
/// <c>GET /metrics</c> in the Prometheus text format (OpenTelemetry's Prometheus exporter): every answer by route,
/// method and status with its duration (ASP.NET Core's <c>http.server.request.duration</c>), the ERP connectors'
/// operations, attempts, durations, coalesced keys and budget refusals (<see cref="ErpTelemetry"/>), the cache's lookups
/// by region and result (<see cref="CacheTelemetry"/>), the ERP's change events and their delay
/// (<see cref="EventsTelemetry"/>), orders entering each status and their step times (<see cref="OrdersTelemetry"/>), the
/// business KPIs read from the stores (<see cref="OperationsTelemetry"/>), calls per API version and deprecated GraphQL
/// field (<see cref="VersionsTelemetry"/>), and the runtime (CPU,
/// memory, GC, thread pool). Labels name routes, statuses, ERP operations, cache regions and event types, never a caller,
/// key or payload. Only these meters are listened to: each one listened to adds its measurements to every request that
/// uses it.
/// </summary>
public static class GatewayMetrics
{
    public const string Path = "/metrics";

    const string HostingMeter = "Microsoft.AspNetCore.Hosting";
    const string RuntimeMeter = "System.Runtime";
    const int ScrapeCacheMilliseconds = 1000;

    /// <summary>The <c>service_name</c> of <c>target_info</c>.</summary>
    const string ServiceName = "gateway";

    internal static IHostApplicationBuilder AddGatewayMetrics(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(ErpTelemetry.Name, CacheTelemetry.Name, EventsTelemetry.Name, OrdersTelemetry.Name, OperationsTelemetry.Name, VersionsTelemetry.Name, ChannelEvents.WebhooksTelemetry.Name, HostingMeter, RuntimeMeter)
                // One measurement per request is enough: requests in flight would add two more to every request.
                .AddView("http.server.active_requests", MetricStreamConfiguration.Drop)
                // Prometheus keeps "_count" for histograms and summaries (promtool check metrics refuses it on a gauge or
                // counter): the runtime's three counts are published under names that say the same without the suffix.
                .AddView("dotnet.assembly.count", new MetricStreamConfiguration { Name = "dotnet.assemblies.loaded" })
                .AddView("dotnet.process.cpu.count", new MetricStreamConfiguration { Name = "dotnet.process.cpus" })
                .AddView("dotnet.timer.count", new MetricStreamConfiguration { Name = "dotnet.timers" })
                // A scrape serializes every series; answered again from a copy for a second, a flood of scrapes costs little.
                .AddPrometheusExporter(exporter => exporter.ScrapeResponseCacheDurationMilliseconds = ScrapeCacheMilliseconds));
        return builder;
    }

    /// <summary>Maps <see cref="Path"/> without a scope: a Prometheus server scrapes it without a credential, as it does health.</summary>
    public static IEndpointRouteBuilder MapGatewayMetrics(this IEndpointRouteBuilder app)
    {
        app.MapPrometheusScrapingEndpoint(Path);
        return app;
    }
}
