using System.Net.Http.Headers;
using Gateway.Core.Erp;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Fixtures;

/// <summary>
/// The real gateway (Program.cs, every feature) on Kestrel on a free loopback port, in front of a <see cref="SimulatorHost"/>,
/// configured with <see cref="TestTokens.Settings"/> so tests authenticate as storefronts (<see cref="ClientFor"/>) or as
/// the admin (<see cref="Admin"/>). Several can run at once, e.g. one per ERP routing on one simulator.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    static readonly string[] Domains = ["Products", "Customers", "Pricing", "Inventory", "Orders"];

    readonly WebApplicationFactory<Program> _factory;
    readonly List<HttpClient> _clients = [];

    GatewayHost(WebApplicationFactory<Program> factory)
    {
        _factory = factory;
        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        Address = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
        Client = NewClient(null);
        Admin = NewClient(TestTokens.AdminToken);
    }

    /// <summary>Like <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri Address { get; }

    /// <summary>A client without a credential.</summary>
    public HttpClient Client { get; }

    /// <summary>A client with the admin token: every scope, every customer.</summary>
    public HttpClient Admin { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>Every ERP domain routed to <paramref name="erp"/>.</summary>
    public static IReadOnlyDictionary<string, string?> RoutedTo(ErpSystem erp) =>
        Domains.ToDictionary(d => $"Erp:Routing:{d}", _ => (string?)erp.ToString());

    /// <summary>
    /// Starts a gateway whose ERPs are <paramref name="simulator"/>; <paramref name="settings"/> (configuration keys such
    /// as <c>Erp:Routing:Pricing</c>) override the defaults of <c>src/Gateway/appsettings.json</c>.
    /// </summary>
    public static Task<GatewayHost> StartAsync(SimulatorHost simulator, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var erp = simulator.BaseAddress.ToString();
        var all = new Dictionary<string, string?>(TestTokens.Settings)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Erp:Legacy:BaseUrl"] = erp,
            ["Erp:Cloud:BaseUrl"] = erp,
            // Off unless a test turns it on: the feed's background polls would blur the simulator's call counts.
            ["Events:LegacyFeed"] = "Off",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Extensions.Hosting"] = "None",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        // Kestrel rather than TestServer: real sockets, real concurrency, and a port other processes could call.
        var factory = new ConfiguredFactory(all);
        factory.UseKestrel(0);
        factory.StartServer();
        return Task.FromResult(new GatewayHost(factory));
    }

    /// <summary>A client sending <c>Authorization: Bearer <paramref name="token"/></c> (e.g. a <see cref="TestTokens"/> JWT).</summary>
    public HttpClient ClientFor(string token) => NewClient(token);

    HttpClient NewClient(string? token)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 256 })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        lock (_clients)
        {
            _clients.Add(client);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        lock (_clients)
        {
            _clients.ForEach(c => c.Dispose());
        }

        await _factory.DisposeAsync();
    }

    sealed class ConfiguredFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Not Development: no developer exception page, so failures answer as they would in production.
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
