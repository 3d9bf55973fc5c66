using Gateway.Core.Erp;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.CanonicalApi;

/// <summary>
/// A private simulator and one gateway in front of it (the default routing of appsettings.json), with a sample of real
/// keys. Tests of the collection run one at a time, so they may reset the simulator's statistics and inject faults
/// (and must clear them).
/// </summary>
public sealed class CanonicalApiFixture : IAsyncLifetime
{
    readonly Dictionary<ErpSystem, GatewayHost> _routed = [];

    public SimulatorHost Simulator { get; private set; } = null!;

    public GatewayHost Gateway { get; private set; } = null!;

    /// <summary>500 active SKUs and 100 active customers, spread over the data set.</summary>
    public SimSample Sample { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Simulator = await SimulatorHost.StartAsync();
        Gateway = await GatewayHost.StartAsync(Simulator);
        Sample = await Simulator.SampleAsync(500, 100, TestContext.Current.CancellationToken);
    }

    /// <summary>A second gateway on the same simulator with every domain routed to <paramref name="erp"/>, started on first use.</summary>
    public async Task<GatewayHost> RoutedToAsync(ErpSystem erp)
    {
        if (!_routed.TryGetValue(erp, out var gateway))
        {
            gateway = await GatewayHost.StartAsync(Simulator, GatewayHost.RoutedTo(erp));
            _routed[erp] = gateway;
        }

        return gateway;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _routed.Values)
        {
            await gateway.DisposeAsync();
        }

        await Gateway.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedCanonicalApi : ICollectionFixture<CanonicalApiFixture>
{
    public const string Name = "CanonicalApi";
}
