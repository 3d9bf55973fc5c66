using System.Net;
using System.Net.Sockets;
using Gateway.Core;
using Gateway.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Caching;

/// <summary>
/// A <see cref="GatewayHost"/> (the real Program.cs) against a simulator and optionally a real Redis, with the webhook
/// secret set and time-to-live long enough that freshness must come from the change events, plus two test-only
/// endpoints behind the edge: <c>GET /v1/_cachetest/stock/{sku}</c> and <c>/v1/_cachetest/prices</c> answer straight from
/// the cached ports, so the response headers are tested without depending on the canonical endpoints.
/// </summary>
internal sealed class CacheTestHost : IAsyncDisposable
{
    public const string WebhookSecret = "test-webhook-secret-0123456789abcdef";

    readonly GatewayHost _host;

    CacheTestHost(GatewayHost host)
    {
        _host = host;
        Client = new HttpClient { BaseAddress = host.Address };
    }

    public Uri Address => _host.Address;

    public HttpClient Client { get; }

    public IServiceProvider Services => _host.Services;

    public IStockSource Stock => Services.GetRequiredService<IStockSource>();

    public IPriceSource Prices => Services.GetRequiredService<IPriceSource>();

    /// <summary>A free loopback port, so simulators can be told the webhook URLs before the gateways start.</summary>

    public static async Task<CacheTestHost> StartAsync(SimulatorHost simulator, string? redis = null, int? port = null, params string[] settings)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Events:WebhookSecret"] = WebhookSecret,
            ["ConnectionStrings:Redis"] = redis,
            // Long enough that no test can pass by an entry expiring: freshness must come from the change events.
            ["Caching:StockTtl"] = "00:10:00",
            ["Caching:StockMaxStaleness"] = "00:10:00",
            ["Caching:PricesTtl"] = "00:10:00",
            ["Logging:LogLevel:Gateway.Caching"] = "Error",
            ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Error",
        };
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            configuration[setting[..equals]] = setting[(equals + 1)..];
        }

        return new CacheTestHost(await GatewayHost.StartAsync(new GatewayHostOptions
        {
            Simulator = simulator,
            Settings = configuration,
            Port = port ?? 0,
            Endpoints = endpoints =>
            {
                endpoints.MapGet("/v1/_cachetest/stock/{sku}", async (string sku, IStockSource stock, CancellationToken ct) =>
                    (await stock.GetStockAsync([sku], ct)) is [var level] ? Results.Ok(level) : Results.NotFound());
                endpoints.MapGet("/v1/_cachetest/prices", async (string customerId, int quantity, string[] sku, IPriceSource prices, CancellationToken ct) =>
                    await prices.QuoteAsync(customerId, quantity, sku, ct) is { } quote ? Results.Ok(quote) : Results.NotFound());
            },
        }));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
    }
}
