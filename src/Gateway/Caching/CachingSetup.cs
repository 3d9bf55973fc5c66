using Gateway.Core;
using Gateway.Core.Catalog;
using Gateway.Core.Customers;
using Gateway.Core.Inventory;
using Gateway.Core.Pricing;
using Gateway.Core.Redis;
using Gateway.Erp.Redis;
using Gateway.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Caching;

/// <summary>The two-level cache in front of the ERP ports, and its response headers.</summary>
public static class CachingSetup
{
    /// <summary>The key under which the uncached ERP ports stay resolvable (<c>[FromKeyedServices(CachingSetup.Erp)]</c>).</summary>
    public const string Erp = "erp";

    /// <summary>
    /// Decorates the ERP ports that <c>AddErpConnectors</c> registered (<see cref="ICatalogSource"/>,
    /// <see cref="ICustomerSource"/>, <see cref="IStockSource"/>) with the cache, so every caller of a port is served
    /// from it, and registers the regions of the price parts that <c>AddPricing</c> composes quotes from; L2 on Redis
    /// when <c>ConnectionStrings:Redis</c> is set, memory only otherwise. Call it after <c>AddErpConnectors</c>.
    /// </summary>
    public static IHostApplicationBuilder AddCanonicalCaching(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CachingOptions>().BindConfiguration(CachingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddRedisConnection(builder.Configuration);
        services.AddSingleton(sp => new CacheRedis(
            sp.GetRequiredService<RedisConnection>(), Options(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<CacheRedis>>()));
        services.AddSingleton(sp =>
        {
            var connection = sp.GetRequiredService<CacheRedis>();
            var store = new CacheStore(Options(sp), connection.IsConfigured ? new RedisLevel(connection) : null, sp.GetRequiredService<TimeProvider>());
            // Invalidations may have been missed while Redis was away: nothing stored before the outage counts any more.
            connection.Restored += store.RaiseFloor;
            return store;
        });
        services.AddSingleton<CacheOutcomes>();
        services.AddSingleton<CanonicalKeptAnswers>();
        services.AddHostedService<CacheRedisStartup>();

        services.AddSingleton(sp => Region<Product>(sp, CacheKeys.Products, Options(sp).Products));
        services.AddSingleton(sp => Region<Customer>(sp, CacheKeys.Customers, Options(sp).Customers));
        services.AddSingleton(sp => Region<StockLevel>(sp, CacheKeys.Stock, Options(sp).Stock));
        services.AddSingleton(sp => Region<PriceSchedule>(sp, CacheKeys.ListPrices, Options(sp).Prices));
        services.AddSingleton(sp => Region<SkuPromotion>(sp, CacheKeys.Promotions, Options(sp).Prices));
        services.AddSingleton(sp => Region<ContractPrices>(sp, CacheKeys.Contracts, Options(sp).Prices));
        services.AddSingleton(sp => Region<InvoiceEntry>(sp, CacheKeys.Invoices, Options(sp).OrderDocuments));

        services.TryAddSingleton<ProductPageCache>();
        Decorate<ICatalogSource>(services, (sp, erp) => new CachedCatalog(erp, sp.GetRequiredService<CacheRegion<Product>>(), sp.GetRequiredService<ProductPageCache>()));
        Decorate<ICustomerSource>(services, (sp, erp) => new CachedCustomers(erp, sp.GetRequiredService<CacheRegion<Customer>>()));
        Decorate<IStockSource>(services, (sp, erp) => new CachedStock(erp, sp.GetRequiredService<CacheRegion<StockLevel>>()));
        Decorate<IOrderDocumentSource>(services, (sp, erp) => new CachedOrderDocuments(erp, sp.GetRequiredService<CacheRegion<InvoiceEntry>>()));

        services.AddHealthChecks().AddCheck<CacheHealthCheck>(CacheHealthCheck.Name, tags: [GatewayHealth.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// <c>Cache-Status</c>, <c>Age</c>, <c>ETag</c> and <c>304</c> for <c>GET /v1/**</c>. Place it after the edge
    /// (authentication, limits), so refused requests are never hashed and a 304 is only ever the answer to an allowed
    /// request, and before the endpoints.
    /// </summary>
    public static IApplicationBuilder UseCanonicalCacheHeaders(this IApplicationBuilder app) => app.UseMiddleware<CacheHeadersMiddleware>();

    static CachingOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<CachingOptions>>().Value;

    static CacheRegion<T> Region<T>(IServiceProvider services, string name, CachePolicy policy)
        where T : class => new(
        name,
        policy,
        services.GetRequiredService<CacheStore>(),
        services.GetRequiredService<CacheOutcomes>(),
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILoggerFactory>().CreateLogger("Gateway.Caching." + name));

    /// <summary>Moves the current registration of <typeparamref name="TService"/> under the key <see cref="Erp"/> and registers <paramref name="decorate"/> over it.</summary>
    static void Decorate<TService>(IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService)
            ?? throw new InvalidOperationException($"AddCanonicalCaching decorates {typeof(TService).Name}: call AddErpConnectors first.");
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(TService), Erp, (sp, _) => Create(sp, original), original.Lifetime));
        services.Add(new ServiceDescriptor(
            typeof(TService),
            sp => decorate(sp, sp.GetRequiredKeyedService<TService>(Erp)),
            ServiceLifetime.Singleton));
    }

    static object Create(IServiceProvider services, ServiceDescriptor original) =>
        original.ImplementationInstance
        ?? original.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, original.ImplementationType!);
}

/// <summary>Waits briefly for the shared Redis at start-up (see <see cref="CacheRedis.ConnectAsync"/>): an unreachable Redis is an outage, not a failed start.</summary>
internal sealed class CacheRedisStartup(CacheRedis redis, CacheStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => redis.ConnectAsync();

    /// <summary>After the server has stopped: fills still asking the ERP give their claims back.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => store.Remote?.ReleaseClaimsAsync() ?? Task.CompletedTask;
}
