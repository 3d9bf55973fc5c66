using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>
/// <see cref="GatewayHost"/>s (the real Program.cs, with the demo JWT settings of <see cref="TestTokens"/>) in front of a
/// private ERP simulator whose stats only these tests move. A gateway per set of settings is started on demand and kept
/// for the collection.
/// </summary>
public sealed class GraphQLGateway : IAsyncLifetime
{
    readonly Dictionary<string, GatewayHost> _gateways = new(StringComparer.Ordinal);

    public SimulatorHost Simulator { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Simulator = await SimulatorHost.StartAsync();

    /// <summary>A client (no credential) of the gateway configured with <paramref name="settings"/> (<c>key=value</c>) on top of the defaults.</summary>
    public HttpClient Client(params string[] settings) => Gateway(settings).Client;

    public IServiceProvider Services(params string[] settings) => Gateway(settings).Services;

    /// <summary>A storefront token: it acts for <paramref name="customerId"/> only.</summary>
    public static string Storefront(string customerId, params string[] scopes) => TestTokens.Storefront(customerId, scopes);

    /// <summary>The admin token: every scope, every customer (so it must name the customer it prices for).</summary>
    public static string Admin => TestTokens.AdminToken;

    /// <summary>A gateway the caller owns and disposes, for a test that breaks what the gateway depends on.</summary>
    public Task<GatewayHost> StartOwnAsync(params string[] settings) => GatewayHost.StartAsync(Options(settings));

    GatewayHost Gateway(string[] settings)
    {
        var key = string.Join('\n', settings);
        lock (_gateways)
        {
            if (!_gateways.TryGetValue(key, out var gateway))
            {
                gateway = GatewayHost.Start(Options(settings));
                _gateways[key] = gateway;
            }

            return gateway;
        }
    }

    GatewayHostOptions Options(string[] settings)
    {
        var all = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            all[setting[..equals]] = setting[(equals + 1)..];
        }

        return new GatewayHostOptions { Simulator = Simulator, Settings = all };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways.Values)
        {
            await gateway.DisposeAsync();
        }

        await Simulator.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GraphQLTests : ICollectionFixture<GraphQLGateway>
{
    public const string Name = "GraphQL";
}
