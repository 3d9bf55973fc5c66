namespace Gateway.IntegrationTests.Edge.Authentication;

/// <summary>One embedded (no Redis) edge host shared by a test class.</summary>
public sealed class EdgeHostFixture : IAsyncLifetime
{
    EdgeHost? _host;

    internal EdgeHost Host => _host ?? throw new InvalidOperationException("The edge host did not start.");

    public async ValueTask InitializeAsync() => _host = await EdgeHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
