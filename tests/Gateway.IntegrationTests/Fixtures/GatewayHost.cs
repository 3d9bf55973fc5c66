using System.Net.Http.Headers;
using Gateway.Core.Erp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Fixtures;

/// <summary>
/// The one builder of in-process gateway hosts: the real gateway (Program.cs, every feature) on Kestrel on a loopback
/// port, configured with <see cref="TestTokens.Settings"/> so tests authenticate as storefronts (<see cref="ClientFor"/>)
/// or as the admin (<see cref="Admin"/>), usually in front of a <see cref="SimulatorHost"/>. A test may add settings,
/// services, test-only endpoints and a <see cref="CapturedLogs"/> provider (<see cref="GatewayHostOptions"/>), never a
/// pipeline of its own: a change to Program.cs reaches every host. Several can run at once, e.g. one per ERP routing on
/// one simulator. A test that must kill a gateway uses <see cref="GatewayProcess"/>.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    static readonly string[] Domains = ["Products", "Customers", "Pricing", "Inventory", "Orders"];

    readonly WebApplicationFactory<Program> _factory;
    readonly List<HttpClient> _clients = [];

    GatewayHost(WebApplicationFactory<Program> factory, CapturedLogs? logs)
    {
        _factory = factory;
        Logs = logs;
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

    /// <summary>Everything the host logged, at every level, when started with <see cref="GatewayHostOptions.Logs"/>.</summary>
    public CapturedLogs? Logs { get; }

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
        return StartAsync(new GatewayHostOptions { Simulator = simulator, Settings = settings });
    }

    /// <summary>Starts a gateway as <paramref name="options"/> say; see <see cref="GatewayHostOptions"/>.</summary>
    public static Task<GatewayHost> StartAsync(GatewayHostOptions options) => Task.FromResult(Start(options));

    /// <summary>
    /// <see cref="StartAsync(GatewayHostOptions)"/> for a caller that cannot await (a lazily started, cached gateway):
    /// the factory starts its server synchronously either way.
    /// </summary>
    public static GatewayHost Start(GatewayHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var all = new Dictionary<string, string?>(TestTokens.Settings)
        {
            ["urls"] = $"http://127.0.0.1:{options.Port}",
            // Off unless a test turns it on: the feed's background polls would blur the simulator's call counts.
            ["Events:LegacyFeed"] = "Off",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Extensions.Hosting"] = "None",
            // Stopped by the test, not by a load balancer: nobody needs the drain (GracefulShutdownTests cover it).
            ["Shutdown:DrainDelay"] = "00:00:00",
        };
        if (options.Simulator is { } simulator)
        {
            all["Erp:Legacy:BaseUrl"] = simulator.BaseAddress.ToString();
            all["Erp:Cloud:BaseUrl"] = simulator.BaseAddress.ToString();
        }

        if (options.Logs is not null)
        {
            // Captured logs are for looking for what must never be written: the levels of appsettings.json, as in production.
            all.Remove("Logging:LogLevel:Default");
            all.Remove("Logging:LogLevel:Microsoft.Extensions.Hosting");
        }

        foreach (var (key, value) in options.Settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        // Kestrel rather than TestServer: real sockets, real concurrency, and a port other processes could call.
        var factory = new ConfiguredFactory(all, options);
        factory.UseKestrel();
        try
        {
            factory.StartServer();
        }
        catch
        {
            factory.Dispose();
            throw;
        }

        return new GatewayHost(factory, options.Logs);
    }

    /// <summary>A client sending <c>Authorization: Bearer <paramref name="token"/></c> (e.g. a <see cref="TestTokens"/> JWT).</summary>
    public HttpClient ClientFor(string token) => NewClient(token);

    /// <summary>Changes configuration and raises its reload, as an edited appsettings file would.</summary>
    public void Reconfigure(IReadOnlyDictionary<string, string?> settings)
    {
        var root = (IConfigurationRoot)Services.GetRequiredService<IConfiguration>();
        var memory = root.Providers.OfType<MemoryConfigurationProvider>().Last();
        foreach (var (key, value) in settings)
        {
            memory.Set(key, value);
        }

        root.Reload();
    }

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

    sealed class ConfiguredFactory(IReadOnlyDictionary<string, string?> settings, GatewayHostOptions options) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // Not Development: no developer exception page, so failures answer as they would in production.
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (options.Logs is { } logs)
            {
                builder.ConfigureLogging(logging =>
                {
                    logging.ClearProviders();
                    logging.SetMinimumLevel(LogLevel.Trace);
                    logging.AddProvider(logs);
                });
            }

            builder.ConfigureTestServices(services =>
            {
                options.Services?.Invoke(services);
                if (options.Endpoints is { } endpoints)
                {
                    services.AddSingleton<IStartupFilter>(new TestEndpoints(endpoints));
                }
            });
        }
    }

    /// <summary>
    /// Maps test-only endpoints into the real app's own route table. A startup filter's <c>Configure</c> wraps Program's
    /// whole pipeline; after <c>next(app)</c> the application builder holds the <see cref="WebApplication"/> under
    /// ASP.NET Core's <c>__EndpointRouteBuilder</c> key (as the edge sets the framework's <c>__Authentication...Set</c>
    /// keys), and the app's routing is built only after the filters ran, so endpoints mapped there are matched by
    /// Program's own routing like Program's endpoints: they pass the edge's authentication, limits and scope policies
    /// (the 401 and 403 answers of the probes in Edge/Authentication prove it). The other way, <c>UseRouting</c> and
    /// <c>UseEndpoints</c> after <c>next(app)</c>, makes a second route table behind the app's: its endpoints run only
    /// for paths the app did not match, after the edge's authorization saw no endpoint, so a policy on them throws.
    /// </summary>
    sealed class TestEndpoints(Action<IEndpointRouteBuilder> map) : IStartupFilter
    {
        const string RouteBuilderKey = "__EndpointRouteBuilder";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            var routes = app.Properties.TryGetValue(RouteBuilderKey, out var found) && found is IEndpointRouteBuilder builder
                ? builder
                : throw new InvalidOperationException($"Program's pipeline left no {RouteBuilderKey}: test endpoints cannot join its routes.");
            map(routes);
        };
    }
}

/// <summary>How <see cref="GatewayHost.StartAsync(GatewayHostOptions)"/> starts a gateway; everything is optional.</summary>
public sealed record GatewayHostOptions
{
    /// <summary>The ERPs (both systems); without one, the gateway keeps the ERP addresses of appsettings.json.</summary>
    public SimulatorHost? Simulator { get; init; }

    /// <summary>Configuration keys that override the defaults (appsettings.json, then <see cref="TestTokens.Settings"/>).</summary>
    public IReadOnlyDictionary<string, string?>? Settings { get; init; }

    /// <summary>Runs after Program.cs registered its services, so a registration here replaces (e.g. a fake <see cref="TimeProvider"/>).</summary>
    public Action<IServiceCollection>? Services { get; init; }

    /// <summary>Test-only endpoints mapped into the real app's own routes, behind the whole edge (how: GatewayHost.TestEndpoints).</summary>
    public Action<IEndpointRouteBuilder>? Endpoints { get; init; }

    /// <summary>When set, the only logger provider, at the levels of appsettings.json (else: warnings and above).</summary>
    public CapturedLogs? Logs { get; init; }

    /// <summary>A fixed loopback port (e.g. one a simulator was told to post webhooks to); 0 picks a free one.</summary>
    public int Port { get; init; }
}
