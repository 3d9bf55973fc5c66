using Gateway.Core.Erp;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Erp;

/// <summary>A lookup of many keys is cut into the ERP's largest batches: ceil(n / max) calls, every key asked once.</summary>
[Collection(SharedSimulator.Name)]
public sealed class BatchingTests(SimulatorHost simulator)
{
    public static TheoryData<ErpSystem, string, int> Lookups => new()
    {
        { ErpSystem.Legacy, "products", 120 },
        { ErpSystem.Legacy, "stock", 120 },
        { ErpSystem.Legacy, "prices", 120 },
        { ErpSystem.Legacy, "stock", 50 },
        { ErpSystem.Cloud, "products", 250 },
        { ErpSystem.Cloud, "stock", 250 },
        { ErpSystem.Cloud, "prices", 250 },
        { ErpSystem.Cloud, "prices", 100 },
    };

    [Theory]
    [MemberData(nameof(Lookups))]
    public async Task A_lookup_of_n_skus_costs_ceil_n_over_the_erps_max_batch_calls(ErpSystem erp, string lookup, int n)
    {
        var ct = TestContext.Current.CancellationToken;
        var sample = await simulator.SampleAsync(n, 1, ct);
        var maxBatch = erp == ErpSystem.Legacy ? 50 : 100;
        await using var sut = ConnectorsHost.Start(simulator, erp);
        await simulator.ResetStatsAsync(ct);

        var answered = lookup switch
        {
            "products" => (await sut.Catalog.GetProductsAsync(sample.Skus, ct)).Count,
            "stock" => (await sut.Stock.GetStockAsync(sample.Skus, ct)).Count,
            _ => (await sut.PriceComponents.GetListPricesAsync("USD", sample.Skus, ct)).Count,
        };

        var stats = await simulator.GetStatsAsync(ct);
        var backend = erp == ErpSystem.Legacy ? stats.Legacy : stats.Cloud;
        var operation = WireOperation(erp, lookup);
        Assert.Equal(n, answered);
        Assert.Equal((n + maxBatch - 1) / maxBatch, backend.CallsOf(operation));
        Assert.Equal(n, backend.ItemsOf(operation));
        Assert.Equal(backend.CallsOf(operation), backend.Calls);
    }

    [Fact]
    public async Task Repeated_and_blank_skus_are_asked_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var sample = await simulator.SampleAsync(3, 1, ct);
        await using var sut = ConnectorsHost.Start(simulator, ErpSystem.Cloud);
        await simulator.ResetStatsAsync(ct);

        var stock = await sut.Stock.GetStockAsync([.. sample.Skus, .. sample.Skus, " ", ""], ct);

        var stats = await simulator.GetStatsAsync(ct);
        Assert.Equal(sample.Skus, stock.Select(s => s.Sku));
        Assert.Equal(1, stats.Cloud.CallsOf("inventory.get"));
        Assert.Equal(3, stats.Cloud.ItemsOf("inventory.get"));
    }

    static string WireOperation(ErpSystem erp, string lookup) => (erp, lookup) switch
    {
        (ErpSystem.Legacy, "products") => "GetItems",
        (ErpSystem.Legacy, "stock") => "GetStock",
        (ErpSystem.Legacy, _) => "GetListPrices",
        (_, "products") => "items.get",
        (_, "stock") => "inventory.get",
        _ => "pricing.listPrices",
    };
}
