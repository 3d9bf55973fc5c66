using System.Globalization;
using System.Net;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Caching;

/// <summary>The canonical endpoints of the real gateway (Program.cs), served through the cache: headers and ERP calls.</summary>
[Collection(CacheSimulator.Name)]
public sealed class CanonicalCacheHeaderTests(SimulatorHost simulator) : IAsyncLifetime
{
    GatewayHost _gateway = null!;

    public async ValueTask InitializeAsync() => _gateway = await GatewayHost.StartAsync(simulator);

    public ValueTask DisposeAsync() => _gateway.DisposeAsync();

    [Fact]
    public async Task Inventory_answers_say_miss_then_hit_with_age_and_an_etag_that_if_none_match_answers_304()
    {
        var ct = TestContext.Current.CancellationToken;
        var path = "v1/inventory/" + (await simulator.SampleAsync(1, 1, ct)).Skus[0];

        using var first = await _gateway.Admin.GetAsync(path, ct);
        await simulator.ResetStatsAsync(ct);
        using var second = await _gateway.Admin.GetAsync(path, ct);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.TryAddWithoutValidation("If-None-Match", second.Headers.ETag!.ToString());
        using var third = await _gateway.Admin.SendAsync(conditional, ct);
        var stats = await simulator.GetStatsAsync(ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("gateway; fwd=miss", first.Headers.GetValues("Cache-Status").Single());
        Assert.Equal("gateway; hit", second.Headers.GetValues("Cache-Status").Single());
        Assert.NotNull(second.Headers.Age);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, third.StatusCode);
        Assert.Equal(0, stats.Cloud.CallsOf("inventory.get"));
    }

    [Fact]
    public async Task Prices_at_another_quantity_are_composed_from_the_cached_parts_without_an_erp_call()
    {
        var ct = TestContext.Current.CancellationToken;
        var sample = await simulator.SampleAsync(3, 1, ct);
        var customer = sample.Customers[0];
        string Path(int quantity) => string.Create(CultureInfo.InvariantCulture,
            $"v1/prices?customerId={customer.CustomerId}&quantity={quantity}&sku={sample.Skus[0]}&sku={sample.Skus[1]}&sku={customer.ContractSkus[0]}");

        using var first = await _gateway.Admin.GetAsync(Path(1), ct);
        await simulator.ResetStatsAsync(ct);
        using var otherQuantity = await _gateway.Admin.GetAsync(Path(240), ct);
        var stats = await simulator.GetStatsAsync(ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherQuantity.StatusCode);
        Assert.Equal("gateway; hit", otherQuantity.Headers.GetValues("Cache-Status").Single());
        Assert.NotEqual(await first.Content.ReadAsStringAsync(ct), await otherQuantity.Content.ReadAsStringAsync(ct));
        Assert.Equal(0, stats.Cloud.Calls);
    }
}
