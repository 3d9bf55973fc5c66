using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Core.Erp;
using Gateway.IntegrationTests.CanonicalApi;

namespace Gateway.IntegrationTests.Pricing;

/// <summary>One price request for N SKUs costs ceil(N / the ERP's batch limit) ERP calls: 100 for the cloud ERP, 50 for the legacy one.</summary>
[Collection(SharedCanonicalApi.Name)]
public sealed class PriceBatchingTests(CanonicalApiFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(50, 1, 1)]
    [InlineData(51, 1, 2)]
    [InlineData(100, 1, 2)]
    [InlineData(150, 2, 3)]
    [InlineData(200, 2, 4)]
    public async Task Prices_for_n_skus_cost_one_erp_call_per_erp_batch(int n, int cloudCalls, int legacyCalls)
    {
        var legacy = await fixture.RoutedToAsync(ErpSystem.Legacy);
        var cloud = await fixture.RoutedToAsync(ErpSystem.Cloud);
        var customer = fixture.Sample.Customers[10 + n % 50].CustomerId;
        var query = $"v1/prices?customerId={customer}&quantity={n}&" + string.Join('&', fixture.Sample.Skus.Take(n).Select(s => "sku=" + s));

        await fixture.Simulator.ResetStatsAsync(Ct);
        var fromCloud = await cloud.Admin.GetFromJsonAsync<JsonElement>(query, Ct);
        var afterCloud = await fixture.Simulator.GetStatsAsync(Ct);
        await fixture.Simulator.ResetStatsAsync(Ct);
        var fromLegacy = await legacy.Admin.GetFromJsonAsync<JsonElement>(query, Ct);
        var afterLegacy = await fixture.Simulator.GetStatsAsync(Ct);

        Assert.Equal(n, fromCloud.GetProperty("items").GetArrayLength());
        Assert.Equal(n, fromLegacy.GetProperty("items").GetArrayLength());
        Assert.Equal(cloudCalls, afterCloud.Cloud.CallsOf("pricing.quote"));
        Assert.Equal(cloudCalls, afterCloud.Cloud.Calls + afterCloud.Legacy.Calls);
        Assert.Equal(n, afterCloud.Cloud.ItemsOf("pricing.quote"));
        Assert.Equal(legacyCalls, afterLegacy.Legacy.CallsOf("GetPriceQuote"));
        Assert.Equal(legacyCalls, afterLegacy.Legacy.Calls + afterLegacy.Cloud.Calls);
        Assert.Equal(n, afterLegacy.Legacy.ItemsOf("GetPriceQuote"));
    }
}
