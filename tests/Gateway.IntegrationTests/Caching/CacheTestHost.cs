using System.Net;
using System.Net.Sockets;
using Gateway.Caching;
using Gateway.Core;
using Gateway.Erp;
using Gateway.Events;
using Gateway.Hosting;
using Gateway.IntegrationTests.Fixtures;
using Gateway.Pricing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Caching;

/// <summary>
/// A gateway host on a real loopback port composed as Program.cs composes caching and events (defaults, ERP
/// connectors, cache, events, cache headers, /events/erp), against a simulator and optionally a real Redis.
/// <c>GET /v1/_cachetest/stock/{sku}</c> and <c>/v1/_cachetest/prices</c> answer straight from the ports, so the
/// response headers are tested without depending on the canonical endpoints.
/// </summary>
internal sealed class CacheTestHost : IAsyncDisposable
{
    public const string WebhookSecret = "test-webhook-secret-0123456789abcdef";

    readonly WebApplication _app;

    CacheTestHost(WebApplication app, int port)
    {
        _app = app;
        Address = new Uri($"http://127.0.0.1:{port}/");
        Client = new HttpClient { BaseAddress = Address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public IStockSource Stock => Services.GetRequiredService<IStockSource>();

    public IPriceSource Prices => Services.GetRequiredService<IPriceSource>();

    /// <summary>A free loopback port, so simulators can be told the webhook URLs before the gateways start.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<CacheTestHost> StartAsync(SimulatorHost simulator, string? redis = null, int? port = null, params string[] settings)
    {
        var listen = port ?? FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, listen));
        var configuration = new Dictionary<string, string?>
        {
            ["Erp:Legacy:BaseUrl"] = simulator.BaseAddress.ToString(),
            ["Erp:Cloud:BaseUrl"] = simulator.BaseAddress.ToString(),
            ["Events:WebhookSecret"] = WebhookSecret,
            ["Events:LegacyFeed"] = "Off",
            ["ConnectionStrings:Redis"] = redis,
            // Long enough that no test can pass by an entry expiring: freshness must come from the change events.
            ["Caching:StockTtl"] = "00:10:00",
            ["Caching:StockMaxStaleness"] = "00:10:00",
            ["Caching:PricesTtl"] = "00:10:00",
        };
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            configuration[setting[..equals]] = setting[(equals + 1)..];
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Logging.AddFilter("Gateway.Caching", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Error);

        builder.AddGatewayDefaults();
        builder.Services.AddErpConnectors(builder.Configuration);
        builder.AddCanonicalCaching();
        builder.AddPricing();
        builder.AddErpEvents();

        var app = builder.Build();
        app.UseGatewayDefaults();
        app.UseCanonicalCacheHeaders();
        app.MapGatewayHealth();
        app.MapGatewayMetrics();
        app.MapErpEvents();
        app.MapGet("/v1/_cachetest/stock/{sku}", async (string sku, IStockSource stock, CancellationToken ct) =>
            (await stock.GetStockAsync([sku], ct)) is [var level] ? Results.Ok(level) : Results.NotFound());
        app.MapGet("/v1/_cachetest/prices", async (string customerId, int quantity, string[] sku, IPriceSource prices, CancellationToken ct) =>
            await prices.QuoteAsync(customerId, quantity, sku, ct) is { } quote ? Results.Ok(quote) : Results.NotFound());

        await app.StartAsync(TestContext.Current.CancellationToken);
        return new CacheTestHost(app, listen);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
