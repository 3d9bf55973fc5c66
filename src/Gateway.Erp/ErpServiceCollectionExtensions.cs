using Gateway.Core;
using Gateway.Core.Erp;
using Gateway.Core.Events;
using Gateway.Core.Pricing;
using Gateway.Core.Redis;
using Gateway.Erp.Cloud;
using Gateway.Erp.Connector;
using Gateway.Erp.Legacy;
using Gateway.Erp.Outbound;
using Gateway.Erp.Outbound.Budget;
using Gateway.Erp.Outbound.Budget.Cluster;
using Gateway.Erp.Redis;
using Gateway.Erp.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Erp;

public static class ErpServiceCollectionExtensions
{
    /// <summary>Tag of the checks readiness reports (the host's <c>GatewayHealth.ReadyTag</c>).</summary>
    const string ReadyTag = "ready";

    /// <summary>
    /// Registers both ERP connectors, the rate-aware outbound pipeline and the per-domain routing: the Core ports
    /// (<see cref="ICatalogSource"/>, <see cref="ICustomerSource"/>, <see cref="IPriceComponentSource"/>, <see cref="IStockSource"/>,
    /// <see cref="IOrderSink"/>), the health checks <c>erp-legacy</c> and <c>erp-cloud</c>, and <see cref="ErpQuota"/>, the
    /// same budgets for callers outside the connectors, and <see cref="ErpStatus"/>, each ERP's state for operators.
    /// </summary>
    public static IServiceCollection AddErpConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LegacyErpOptions>().BindConfiguration(LegacyErpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CloudErpOptions>().BindConfiguration(CloudErpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ErpRoutingOptions>().BindConfiguration(ErpRoutingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();

        services.AddHttpClient(CloudErpClient.HttpClientName, (sp, http) =>
            {
                var cloud = sp.GetRequiredService<IOptions<CloudErpOptions>>().Value;
                http.BaseAddress = new Uri(new Uri(cloud.BaseUrl), cloud.ApiPath);
                // The pipeline's attempt and total timeouts govern; HttpClient's own would only pre-empt them.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) });
        services.TryAddSingleton<CloudErpClient>();
        services.TryAddSingleton(sp => new LegacyErpClient(sp.GetRequiredService<IOptions<LegacyErpOptions>>().Value));

        services.AddClusterMembership(configuration);
        AddBudgets(services, configuration.GetConnectionString("Redis"));
        services.TryAddSingleton(sp => new ErpQuota(
            sp.GetRequiredKeyedService<IErpBudget>(ErpSystem.Legacy), sp.GetRequiredKeyedService<IErpBudget>(ErpSystem.Cloud)));

        services.AddKeyedSingleton(ErpSystem.Legacy, (sp, _) => Pipeline(sp, ErpSystem.Legacy, sp.GetRequiredService<IOptions<LegacyErpOptions>>().Value));
        services.AddKeyedSingleton(ErpSystem.Cloud, (sp, _) => Pipeline(sp, ErpSystem.Cloud, sp.GetRequiredService<IOptions<CloudErpOptions>>().Value));

        services.AddKeyedSingleton(ErpSystem.Legacy, (sp, _) => new ErpConnector(
            sp.GetRequiredService<LegacyErpClient>(), sp.GetRequiredKeyedService<ErpPipeline>(ErpSystem.Legacy), sp.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(ErpSystem.Cloud, (sp, _) => new ErpConnector(
            sp.GetRequiredService<CloudErpClient>(), sp.GetRequiredKeyedService<ErpPipeline>(ErpSystem.Cloud), sp.GetRequiredService<TimeProvider>()));

        services.AddMetrics();
        services.TryAddSingleton(sp => new ErpStatus(
            sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            sp.GetRequiredKeyedService<ErpPipeline>(ErpSystem.Legacy),
            sp.GetRequiredKeyedService<ErpPipeline>(ErpSystem.Cloud)));

        services.TryAddSingleton<RoutedPorts>();
        services.TryAddSingleton<ICatalogSource>(sp => sp.GetRequiredService<RoutedPorts>());
        services.TryAddSingleton<ICustomerSource>(sp => sp.GetRequiredService<RoutedPorts>());
        services.TryAddSingleton<IStockSource>(sp => sp.GetRequiredService<RoutedPorts>());
        services.TryAddSingleton<IOrderSink>(sp => sp.GetRequiredService<RoutedPorts>());
        services.TryAddSingleton<IOrderDocumentSource>(sp => sp.GetRequiredService<RoutedPorts>());
        services.TryAddSingleton<IReturnSink>(sp => sp.GetRequiredService<RoutedPorts>());
        services.TryAddSingleton<IPriceComponentSource>(sp => sp.GetRequiredService<RoutedPorts>());
        services.TryAddSingleton<IErpChangeFeed>(sp => new LegacyChangeFeed(
            sp.GetRequiredService<LegacyErpClient>(), sp.GetRequiredKeyedService<ErpPipeline>(ErpSystem.Legacy)));

        // Degraded, not Unhealthy, on an open circuit: see ErpHealthCheck.
        services.AddHealthChecks()
            .Add(new HealthCheckRegistration("erp-legacy", sp => new ErpHealthCheck(sp.GetRequiredKeyedService<ErpPipeline>(ErpSystem.Legacy)), HealthStatus.Degraded, [ReadyTag]))
            .Add(new HealthCheckRegistration("erp-cloud", sp => new ErpHealthCheck(sp.GetRequiredKeyedService<ErpPipeline>(ErpSystem.Cloud)), HealthStatus.Degraded, [ReadyTag]));
        return services;
    }

    /// <summary>The ERP's quota is the cluster's: shared through Redis when there is one, local in the embedded default.</summary>
    static void AddBudgets(IServiceCollection services, string? redis)
    {
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddKeyedSingleton(ErpSystem.Legacy, (sp, _) =>
                ErpBudgets.LocalLegacy(sp.GetRequiredService<IOptions<LegacyErpOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
            services.AddKeyedSingleton(ErpSystem.Cloud, (sp, _) =>
                ErpBudgets.LocalCloud(sp.GetRequiredService<IOptions<CloudErpOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
            return;
        }

        services.AddOptions<ErpBudgetOptions>().BindConfiguration(ErpBudgetOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new ErpCluster(
            sp.GetRequiredService<RedisConnection>(),
            sp.GetRequiredService<ClusterMembership>(),
            sp.GetRequiredService<IOptions<ErpBudgetOptions>>().Value,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Gateway.Erp.Budget")));
        services.AddKeyedSingleton(ErpSystem.Legacy, (sp, _) => ErpBudgets.ClusterLegacy(
            sp.GetRequiredService<IOptions<LegacyErpOptions>>().Value, sp.GetRequiredService<ErpCluster>(), sp.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(ErpSystem.Cloud, (sp, _) => ErpBudgets.ClusterCloud(
            sp.GetRequiredService<IOptions<CloudErpOptions>>().Value, sp.GetRequiredService<ErpCluster>(), sp.GetRequiredService<TimeProvider>()));
    }

    static ErpPipeline Pipeline(IServiceProvider services, ErpSystem erp, ErpConnectionOptions options) => new(
        erp,
        options,
        services.GetRequiredKeyedService<IErpBudget>(erp),
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILoggerFactory>().CreateLogger("Gateway.Erp." + erp));
}
