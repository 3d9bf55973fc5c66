using System.Net;
using Gateway.Core.Erp;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Caching;

/// <summary>Reads through the cached ports of one gateway (embedded mode), counted at the simulator.</summary>
[Collection(CacheSimulator.Name)]
public sealed class CachedReadTests(SimulatorHost simulator)
{
    [Fact]
    public async Task Warm_read_makes_no_erp_call()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sut = await CacheTestHost.StartAsync(simulator);
        var sample = await simulator.SampleAsync(5, 1, ct);
        var customer = sample.Customers[0].CustomerId;
        await sut.Stock.GetStockAsync(sample.Skus, ct);
        await sut.Prices.QuoteAsync(customer, 12, sample.Skus, ct);

        await simulator.ResetStatsAsync(ct);
        var stock = await sut.Stock.GetStockAsync(sample.Skus, ct);
        var quote = await sut.Prices.QuoteAsync(customer, 12, sample.Skus, ct);
        var stats = await simulator.GetStatsAsync(ct);

        Assert.Equal(5, stock.Count);
        Assert.Equal(5, quote!.Items.Count);
        Assert.Equal(0, stats.Cloud.Calls + stats.Legacy.Calls);
    }

    [Fact]
    public async Task Hundred_concurrent_misses_on_one_key_make_one_erp_call()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sut = await CacheTestHost.StartAsync(simulator);
        var sku = (await simulator.SampleAsync(1, 1, ct)).Skus[0];
        await simulator.ResetStatsAsync(ct);
        // Latency keeps the first call in flight while the other 99 arrive.
        await simulator.SetFaultsAsync("cloud", latencyMs: 200, cancellationToken: ct);
        try
        {
            var reads = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => sut.Stock.GetStockAsync([sku], ct), ct)));

            Assert.All(reads, r => Assert.Equal(sku, Assert.Single(r).Sku));
            Assert.Equal(1, (await simulator.GetStatsAsync(ct)).Cloud.CallsOf("inventory.get"));
        }
        finally
        {
            await simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task Batch_read_asks_the_erp_only_for_the_misses_in_one_call()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sut = await CacheTestHost.StartAsync(simulator);
        var skus = (await simulator.SampleAsync(5, 1, ct)).Skus;
        await sut.Stock.GetStockAsync(skus.Take(3).ToArray(), ct);

        await simulator.ResetStatsAsync(ct);
        var all = await sut.Stock.GetStockAsync(skus, ct);
        var stats = await simulator.GetStatsAsync(ct);

        Assert.Equal(skus, all.Select(s => s.Sku));
        Assert.Equal(1, stats.Cloud.CallsOf("inventory.get"));
        Assert.Equal(2, stats.Cloud.ItemsOf("inventory.get"));
    }

    [Fact]
    public async Task Answers_carry_cache_status_age_and_an_etag_that_if_none_match_answers_304()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sut = await CacheTestHost.StartAsync(simulator);
        var sku = (await simulator.SampleAsync(1, 1, ct)).Skus[0];
        var path = "/v1/_cachetest/stock/" + sku;

        using var first = await sut.Client.GetAsync(path, ct);
        using var second = await sut.Client.GetAsync(path, ct);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.TryAddWithoutValidation("If-None-Match", second.Headers.ETag!.ToString());
        using var third = await sut.Client.SendAsync(conditional, ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("gateway; fwd=miss", first.Headers.GetValues("Cache-Status").Single());
        Assert.Equal("gateway; hit", second.Headers.GetValues("Cache-Status").Single());
        Assert.NotNull(second.Headers.Age);
        Assert.False(second.Headers.ETag!.IsWeak);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(ct), await second.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.NotModified, third.StatusCode);
        Assert.Empty(await third.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal(second.Headers.ETag, third.Headers.ETag);
    }

    [Fact]
    public async Task Erp_failure_serves_the_last_good_answer_marked_stale_within_max_staleness_and_not_beyond()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sut = await CacheTestHost.StartAsync(
            simulator, settings: ["Caching:StockTtl=00:00:00.200", "Caching:StockMaxStaleness=00:00:03"]);
        var sku = (await simulator.SampleAsync(1, 1, ct)).Skus[0];
        var path = "/v1/_cachetest/stock/" + sku;
        using var good = await sut.Client.GetAsync(path, ct);
        var goodBody = await good.Content.ReadAsStringAsync(ct);

        await simulator.SetFaultsAsync("cloud", outage: true, cancellationToken: ct);
        try
        {
            var (status, body, age) = await Eventually.WaitForAsync(
                async () =>
                {
                    using var response = await sut.Client.GetAsync(path, ct);
                    return (response.Headers.TryGetValues("Cache-Status", out var values) ? values.Single() : "",
                        await response.Content.ReadAsStringAsync(ct), response.Headers.Age);
                },
                r => r.Item1 == "gateway; hit; stale");
            var failedBeyond = await Eventually.WaitForAsync(
                async () =>
                {
                    try
                    {
                        await sut.Stock.GetStockAsync([sku], ct);
                        return false;
                    }
                    catch (ErpUnavailableException)
                    {
                        return true;
                    }
                },
                failed => failed);

            Assert.Equal("gateway; hit; stale", status);
            Assert.Equal(goodBody, body);
            Assert.NotNull(age);
            Assert.True(failedBeyond, "past the max staleness the ERP's failure is the answer");
        }
        finally
        {
            await simulator.ClearFaultsAsync(CancellationToken.None);
        }
    }
}
