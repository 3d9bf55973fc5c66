using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Core.Erp;
using Gateway.IntegrationTests.CanonicalApi;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Pricing;

/// <summary>
/// One request for N SKUs costs ceil(N / the ERP's batch limit) calls per ERP operation it needs: 100 SKUs per call to the
/// cloud ERP, 50 to the legacy one. Prices are composed from list prices and promotions (per SKU) and the customer's
/// contract, each asked in batches. Every case starts gateways of its own, so their caches are cold.
/// </summary>
[Collection(SharedCanonicalApi.Name)]
public sealed class PriceBatchingTests(CanonicalApiFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(100, 1, 2)]
    [InlineData(101, 2, 3)]
    [InlineData(200, 2, 4)]
    public async Task A_batch_of_n_skus_costs_one_erp_call_per_erp_batch(int n, int cloudCalls, int legacyCalls)
    {
        await using var legacy = await GatewayHost.StartAsync(fixture.Simulator, GatewayHost.RoutedTo(ErpSystem.Legacy));
        await using var cloud = await GatewayHost.StartAsync(fixture.Simulator, GatewayHost.RoutedTo(ErpSystem.Cloud));
        var customer = fixture.Sample.Customers[10 + (n % 50)].CustomerId;
        var skus = string.Join('&', fixture.Sample.Skus.Skip(300 - (n / 2)).Take(n).Select(s => "sku=" + s));

        var fromCloud = await StatsOfAsync(cloud, $"v1/prices?customerId={customer}&{skus}", $"v1/inventory?{skus}");
        var fromLegacy = await StatsOfAsync(legacy, $"v1/prices?customerId={customer}&{skus}", $"v1/inventory?{skus}");

        Assert.Equal(n, fromCloud.Items);
        Assert.Equal(n, fromLegacy.Items);
        foreach (var operation in new[] { "pricing.listPrices", "pricing.promotions", "inventory.get" })
        {
            Assert.Equal((operation, cloudCalls, n), (operation, fromCloud.Stats.Cloud.CallsOf(operation), fromCloud.Stats.Cloud.ItemsOf(operation)));
        }

        foreach (var operation in new[] { "GetListPrices", "GetPromotions", "GetStock" })
        {
            Assert.Equal((operation, legacyCalls, n), (operation, fromLegacy.Stats.Legacy.CallsOf(operation), fromLegacy.Stats.Legacy.ItemsOf(operation)));
        }

        Assert.Equal(0, fromCloud.Stats.Legacy.Calls);
        Assert.Equal(0, fromLegacy.Stats.Cloud.Calls);
    }

    /// <returns>The simulator's statistics for the two requests, and how many prices plus stock levels they answered (halved).</returns>
    async Task<(SimStats Stats, int Items)> StatsOfAsync(GatewayHost gateway, string prices, string stock)
    {
        await fixture.Simulator.ResetStatsAsync(Ct);
        var quoted = await gateway.Admin.GetFromJsonAsync<JsonElement>(prices, Ct);
        var levels = await gateway.Admin.GetFromJsonAsync<JsonElement>(stock, Ct);
        var stats = await fixture.Simulator.GetStatsAsync(Ct);
        Assert.Equal(quoted.GetProperty("items").GetArrayLength(), levels.GetProperty("items").GetArrayLength());
        return (stats, quoted.GetProperty("items").GetArrayLength());
    }
}
