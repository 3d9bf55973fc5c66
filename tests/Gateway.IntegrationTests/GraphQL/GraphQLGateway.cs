using Gateway.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>
/// The gateway as Program.cs composes it (in memory, with the demo JWT settings of <see cref="TestTokens"/>), in front of
/// a private ERP simulator whose stats only these tests move. Gateways with other settings are started on demand and
/// kept for the collection.
/// </summary>
public sealed class GraphQLGateway : IAsyncLifetime
{
    readonly Dictionary<string, WebApplicationFactory<Program>> _gateways = new(StringComparer.Ordinal);

    public SimulatorHost Simulator { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Simulator = await SimulatorHost.StartAsync();

    /// <summary>A client of the gateway configured with <paramref name="settings"/> (<c>key=value</c>) on top of the defaults.</summary>
    public HttpClient Client(params string[] settings) => Gateway(settings).CreateClient();

    public IServiceProvider Services(params string[] settings) => Gateway(settings).Services;

    /// <summary>A storefront token: it acts for <paramref name="customerId"/> only.</summary>
    public static string Storefront(string customerId, params string[] scopes) => TestTokens.Storefront(customerId, scopes);

    /// <summary>The admin token: every scope, every customer (so it must name the customer it prices for).</summary>
    public static string Admin => TestTokens.AdminToken;

    /// <summary>A gateway the caller owns and disposes, for a test that breaks what the gateway depends on.</summary>
    public WebApplicationFactory<Program> StartOwn(params string[] settings) => Create(settings);

    WebApplicationFactory<Program> Gateway(string[] settings)
    {
        var key = string.Join('\n', settings);
        lock (_gateways)
        {
            if (!_gateways.TryGetValue(key, out var gateway))
            {
                gateway = Create(settings);
                _gateways[key] = gateway;
            }

            return gateway;
        }
    }

    WebApplicationFactory<Program> Create(string[] settings) => new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
    {
        web.UseEnvironment("Testing");
        web.UseSetting("Erp:Legacy:BaseUrl", Simulator.BaseAddress.ToString());
        web.UseSetting("Erp:Cloud:BaseUrl", Simulator.BaseAddress.ToString());
        web.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in TestTokens.Settings)
        {
            web.UseSetting(key, value);
        }

        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            web.UseSetting(setting[..equals], setting[(equals + 1)..]);
        }

        web.ConfigureLogging(logging => logging.AddFilter(level => level >= LogLevel.Warning));
    });

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
