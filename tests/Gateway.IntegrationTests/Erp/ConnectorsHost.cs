using Gateway.Core;
using Gateway.Core.Erp;
using Gateway.Core.Pricing;
using Gateway.Erp;
using Gateway.Erp.Outbound;
using Gateway.IntegrationTests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Erp;

/// <summary>
/// The ERP connectors as the gateway registers them (<c>AddErpConnectors</c>), pointed at a simulator, with every domain
/// routed to one ERP so that a test reads one ERP's stats. One host is one gateway instance: a test wanting several
/// instances starts several on one simulator (and one Redis). Not a gateway host, so not a <see cref="GatewayHost"/>:
/// these tests measure the connectors themselves (batching, coalescing, budgets, fault tolerance) by the simulator's
/// stats, which the cache, the edge and the background work of a whole gateway in front of them would blur.
/// </summary>
internal sealed class ConnectorsHost : IAsyncDisposable
{
    readonly ServiceProvider _services;

    ConnectorsHost(ServiceProvider services, ErpSystem erp)
    {
        _services = services;
        Erp = erp;
    }

    public ErpSystem Erp { get; }

    public ICatalogSource Catalog => _services.GetRequiredService<ICatalogSource>();

    public IPriceComponentSource PriceComponents => _services.GetRequiredService<IPriceComponentSource>();

    public IStockSource Stock => _services.GetRequiredService<IStockSource>();

    public IOrderSink Orders => _services.GetRequiredService<IOrderSink>();

    public IServiceProvider Services => _services;

    /// <summary>The pipeline every call to <see cref="Erp"/> goes through (its circuit and budget).</summary>
    public ErpPipeline Pipeline => _services.GetRequiredKeyedService<ErpPipeline>(Erp);

    /// <param name="settings">Configuration over the defaults, e.g. <c>["Erp:Cloud:CoalescingWindow"] = "00:00:00.050"</c>.</param>
    public static ConnectorsHost Start(SimulatorHost simulator, ErpSystem erp, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var baseUrl = simulator.BaseAddress.ToString().TrimEnd('/');
        var values = new Dictionary<string, string?>
        {
            ["Erp:Legacy:BaseUrl"] = baseUrl,
            ["Erp:Cloud:BaseUrl"] = baseUrl,
        };
        foreach (var domain in Enum.GetNames<ErpDomain>())
        {
            values["Erp:Routing:" + domain] = erp.ToString();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddErpConnectors(configuration);
        return new ConnectorsHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true }), erp);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
