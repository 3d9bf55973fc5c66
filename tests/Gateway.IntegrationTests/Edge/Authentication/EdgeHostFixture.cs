namespace Gateway.IntegrationTests.Edge.Authentication;

/// <summary>One embedded (no Redis) edge host shared by a test class.</summary>
public sealed class EdgeHostFixture : IAsyncLifetime
{
    internal EdgeHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Host = await EdgeHost.StartAsync();

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
