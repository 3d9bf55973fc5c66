namespace ErpSimulator.Tests;

/// <summary>
/// One simulator shared by the tests of the <see cref="SharedSimulator"/>. Its cloud quota is set out of reach
/// and its orders move every 50 ms, so tests neither trip over each other's 429s nor wait long; tests of the quota,
/// webhooks or seeds start their own <see cref="SimulatorHost"/>.
/// </summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private SimulatorHost? _host;

    public SimulatorHost Host => _host ?? throw new InvalidOperationException("The simulator has not started.");

    public Uri BaseAddress => Host.BaseAddress;

    public HttpClient Client => Host.Client;

    public IServiceProvider Services => Host.Services;

    public async ValueTask InitializeAsync() => _host = await SimulatorHost.StartAsync(
        "Simulator:Cloud:RequestsPerSecond=1000000",
        "Simulator:Cloud:Burst=1000000",
        "Simulator:OrderStepMs=50");

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedSimulator : ICollectionFixture<SimulatorFixture>
{
    public const string Name = "Simulator";
}
