using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.CanonicalApi;

/// <summary>
/// A private simulator and one gateway in front of it (the default routing of appsettings.json), with a sample of real
/// keys. Tests of the collection run one at a time, so they may reset the simulator's statistics and inject faults
/// (and must clear them).
/// </summary>
public sealed class CanonicalApiFixture : IAsyncLifetime
{
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

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SharedCanonicalApi : ICollectionFixture<CanonicalApiFixture>
{
    public const string Name = "CanonicalApi";
}
