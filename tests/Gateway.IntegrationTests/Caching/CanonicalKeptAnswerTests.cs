using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Edge;
using Gateway.IntegrationTests.Events;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Caching;

/// <summary>
/// Whole canonical answers kept and sent again (<c>Caching:KeepAnswersFor</c>): only to callers with the same rights,
/// and only while every cached entry they were built from holds, so a change event retires them at once.
/// </summary>
[Collection(CacheSimulator.Name)]
public sealed class CanonicalKeptAnswerTests(SimulatorHost simulator) : IAsyncLifetime
{
    GatewayHost _gateway = null!;

    public async ValueTask InitializeAsync() => _gateway = await GatewayHost.StartAsync(simulator, new Dictionary<string, string?>
    {
        ["Events:WebhookSecret"] = CacheTestHost.WebhookSecret,
        // Long enough that no test can pass by an entry expiring: freshness must come from the change event.
        ["Caching:StockTtl"] = "00:10:00",
        ["Caching:StockMaxStaleness"] = "00:10:00",
    });

    public ValueTask DisposeAsync() => _gateway.DisposeAsync();

    [Fact]
    public async Task Stock_read_again_is_answered_alike_without_an_erp_call_until_a_change_event_makes_it_fresh()
    {
        var ct = TestContext.Current.CancellationToken;
        var sku = (await simulator.SampleAsync(1, 1, ct)).Skus[0];
        var path = "v1/inventory/" + sku;
        using var cold = await _gateway.Admin.GetAsync(path, ct);
        using var built = await _gateway.Admin.GetAsync(path, ct);
        await simulator.ResetStatsAsync(ct);
        using var kept = await _gateway.Admin.GetAsync(path, ct);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.TryAddWithoutValidation("If-None-Match", built.Headers.ETag!.ToString());
        using var notModified = await _gateway.Admin.SendAsync(conditional, ct);
        var keptCalls = (await simulator.GetStatsAsync(ct)).Cloud.CallsOf("inventory.get");
        var builtBody = await built.Content.ReadAsStringAsync(ct);
        var keptBody = await kept.Content.ReadAsStringAsync(ct);

        using var level = JsonDocument.Parse(keptBody);
        var warehouse = level.RootElement.GetProperty("warehouses")[0];
        var onHand = warehouse.GetProperty("onHand").GetInt32() + 11;
        await SimChanges.SetStockAsync(simulator, sku, warehouse.GetProperty("warehouseId").GetString()!, onHand);
        using var accepted = await Webhooks.PostSignedAsync(_gateway.Client, Webhooks.Event("inventory.changed", sku: sku));
        using var after = await _gateway.Admin.GetAsync(path, ct);
        using var afterLevel = JsonDocument.Parse(await after.Content.ReadAsStringAsync(ct));

        Assert.Equal("gateway; fwd=miss", CacheStatus(cold));
        Assert.Equal("gateway; hit", CacheStatus(kept));
        Assert.Equal(builtBody, keptBody);
        Assert.Equal(built.Headers.ETag, kept.Headers.ETag);
        Assert.NotNull(kept.Headers.Age);
        Assert.Equal("application/json; charset=utf-8", kept.Content.Headers.ContentType!.ToString());
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(0, keptCalls);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("gateway; fwd=miss", CacheStatus(after));
        Assert.Equal(onHand, afterLevel.RootElement.GetProperty("warehouses")[0].GetProperty("onHand").GetInt32());
    }

    [Fact]
    public async Task Prices_kept_for_one_customer_never_answer_a_caller_acting_for_another()
    {
        var ct = TestContext.Current.CancellationToken;
        var sample = await simulator.SampleAsync(3, 2, ct);
        var path = "v1/prices?quantity=4&" + string.Join('&', sample.Skus.Select(s => "sku=" + s));
        // Both tokens have the same subject; the customer each acts for is implied, not named in the path.
        var first = _gateway.ClientFor(TestTokens.Storefront(sample.Customers[0].CustomerId, Scopes.PricingRead));
        var second = _gateway.ClientFor(TestTokens.Storefront(sample.Customers[1].CustomerId, Scopes.PricingRead));
        await first.GetAsync(path, ct);
        await first.GetAsync(path, ct);

        using var firstKept = await first.GetAsync(path, ct);
        using var secondAnswer = await second.GetAsync(path, ct);
        var firstList = await firstKept.Content.ReadFromJsonAsync<JsonElement>(ct);
        var secondList = await secondAnswer.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal("gateway; hit", CacheStatus(firstKept));
        Assert.Equal(sample.Customers[0].CustomerId, firstList.GetProperty("customerId").GetString());
        Assert.Equal(HttpStatusCode.OK, secondAnswer.StatusCode);
        Assert.Equal(sample.Customers[1].CustomerId, secondList.GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task Caller_without_the_scope_is_refused_even_when_an_answer_is_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        var sku = (await simulator.SampleAsync(1, 1, ct)).Skus[0];
        var path = "v1/inventory/" + sku;
        await _gateway.Admin.GetAsync(path, ct);
        await _gateway.Admin.GetAsync(path, ct);
        var catalogOnly = _gateway.ClientFor(TestTokens.Storefront("20001", Scopes.CatalogRead));

        using var refused = await catalogOnly.GetAsync(path, ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    static string? CacheStatus(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Cache-Status", out var values) ? string.Join(", ", values) : null;
}
