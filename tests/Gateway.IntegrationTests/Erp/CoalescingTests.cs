using Gateway.Core.Erp;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Erp;

/// <summary>Concurrent lookups share ERP calls: identical ones one call, different single keys one batch.</summary>
[Collection(SharedSimulator.Name)]
public sealed class CoalescingTests(SimulatorHost simulator)
{
    [Theory]
    [InlineData(ErpSystem.Legacy)]
    [InlineData(ErpSystem.Cloud)]
    public async Task A_hundred_concurrent_identical_lookups_make_one_erp_call(ErpSystem erp)
    {
        var ct = TestContext.Current.CancellationToken;
        var sku = (await simulator.SampleAsync(1, 1, ct)).Skus[0];
        await using var sut = ConnectorsHost.Start(simulator, erp);
        await simulator.ResetStatsAsync(ct);
        // The first call stays in flight long enough for all hundred to find it there.
        await simulator.SetFaultsAsync(erp == ErpSystem.Legacy ? "legacy" : "cloud", latencyMs: 300, cancellationToken: ct);
        try
        {
            var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => sut.Stock.GetStockAsync([sku], ct)));

            var stats = await simulator.GetStatsAsync(ct);
            Assert.All(answers, a => Assert.Equal(sku, Assert.Single(a).Sku));
            Assert.Equal(1, (erp == ErpSystem.Legacy ? stats.Legacy : stats.Cloud).Calls);
        }
        finally
        {
            await simulator.ClearFaultsAsync(ct);
        }
    }

    [Theory]
    [InlineData(ErpSystem.Legacy, 30, 1)]
    [InlineData(ErpSystem.Legacy, 120, 3)]
    [InlineData(ErpSystem.Cloud, 80, 1)]
    [InlineData(ErpSystem.Cloud, 150, 2)]
    public async Task Concurrent_single_sku_lookups_within_the_window_share_batched_calls(ErpSystem erp, int lookups, int expectedCalls)
    {
        var ct = TestContext.Current.CancellationToken;
        var sample = await simulator.SampleAsync(lookups, 1, ct);
        var section = erp == ErpSystem.Legacy ? "Erp:Legacy" : "Erp:Cloud";
        await using var sut = ConnectorsHost.Start(simulator, erp, new Dictionary<string, string?> { [section + ":CoalescingWindow"] = "00:00:00.100" });
        await simulator.ResetStatsAsync(ct);

        var answers = await Task.WhenAll(sample.Skus.Select(sku => sut.Catalog.GetProductsAsync([sku], ct)));

        var stats = await simulator.GetStatsAsync(ct);
        var backend = erp == ErpSystem.Legacy ? stats.Legacy : stats.Cloud;
        Assert.Equal(sample.Skus, answers.Select(a => Assert.Single(a).Sku));
        Assert.Equal(expectedCalls, backend.Calls);
        Assert.Equal(lookups, backend.ItemsOf(erp == ErpSystem.Legacy ? "GetItems" : "items.get"));
    }
}
