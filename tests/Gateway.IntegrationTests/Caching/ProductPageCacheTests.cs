using Gateway.Core;
using Gateway.Core.Catalog;
using Gateway.IntegrationTests.Events;
using Gateway.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Caching;

/// <summary>Search pages (a storefront's category page): read again without an ERP call, until any product changes.</summary>
[Collection(CacheSimulator.Name)]
public sealed class ProductPageCacheTests(SimulatorHost simulator)
{
    [Fact]
    public async Task A_page_read_again_costs_no_erp_call_and_a_product_change_makes_the_next_read_ask_the_erp()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sut = await CacheTestHost.StartAsync(simulator, settings: "Erp:Routing:Products=Legacy");
        var catalog = sut.Services.GetRequiredService<ICatalogSource>();
        var page = new ProductSearch(Category: null, Text: null, Offset: 0, Limit: 20);
        var first = await catalog.SearchAsync(page, ct);

        await simulator.ResetStatsAsync(ct);
        var again = await catalog.SearchAsync(page, ct);
        var warm = await simulator.GetStatsAsync(ct);
        using var announced = await Webhooks.PostSignedAsync(sut.Client, Webhooks.Event("item.changed", sku: first.Items[^1].Sku));
        var afterChange = await catalog.SearchAsync(page, ct);
        var changed = await simulator.GetStatsAsync(ct);

        Assert.Equal(20, first.Items.Count);
        Assert.Equal(first.Items.Select(p => p.Sku), again.Items.Select(p => p.Sku));
        Assert.Equal(first.Total, again.Total);
        Assert.Equal(0, warm.Legacy.Calls + warm.Cloud.Calls);
        Assert.True(announced.IsSuccessStatusCode);
        Assert.Equal(1, changed.Legacy.CallsOf("SearchItems"));
        Assert.Equal(first.Items.Select(p => p.Sku), afterChange.Items.Select(p => p.Sku));
    }
}
