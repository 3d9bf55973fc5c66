using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Core.Erp;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Pricing;

/// <summary>
/// Independent requests for distinct SKUs share ERP calls: 200 storefront requests at once, each for one SKU no one has
/// asked for, against the ERPs' own quotas. Without batching across requests that is one list-price and one promotion
/// call per request, ten times the cloud ERP's quota; with it, a few full calls per price part, every request answered.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class CrossRequestBatchingTests
{
    const int Requests = 200;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hundred_requests_for_distinct_cold_skus_cost_the_cloud_erp_at_most_ten_calls_per_price_part()
    {
        await using var simulator = await SimulatorHost.StartAsync();
        var (answers, stats) = await PriceEachSkuAtOnceAsync(simulator, ErpSystem.Cloud);

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, 1), (a.Status, a.Items)));
        foreach (var part in new[] { "pricing.listPrices", "pricing.promotions" })
        {
            Assert.InRange(stats.Cloud.CallsOf(part), 2, 10);
            Assert.Equal(Requests, stats.Cloud.ItemsOf(part));
        }

        Assert.Equal(1, stats.Cloud.CallsOf("pricing.contracts"));
        Assert.Equal(0, stats.Cloud.Throttled);
        Assert.Equal(0, stats.Legacy.Calls);
    }

    [Fact]
    public async Task Two_hundred_requests_for_distinct_cold_skus_keep_to_the_legacy_erps_four_sessions_and_fifty_skus_per_call()
    {
        await using var simulator = await SimulatorHost.StartAsync();
        var (answers, stats) = await PriceEachSkuAtOnceAsync(simulator, ErpSystem.Legacy);

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, 1), (a.Status, a.Items)));
        foreach (var part in new[] { "GetListPrices", "GetPromotions" })
        {
            // At least ceil(200 / 50) calls: the legacy ERP refuses a call of more than 50 SKUs (and none was refused).
            Assert.InRange(stats.Legacy.CallsOf(part), 4, 10);
            Assert.Equal(Requests, stats.Legacy.ItemsOf(part));
        }

        Assert.Equal(0, stats.Legacy.BusyFaults);
        Assert.InRange(stats.Legacy.MaxConcurrency, 1, 4);
        Assert.Equal(0, stats.Cloud.Calls);
    }

    /// <returns>Each request's status and how many prices it answered, and the ERPs' statistics for the whole burst.</returns>
    static async Task<(IReadOnlyList<(HttpStatusCode Status, int Items)> Answers, SimStats Stats)> PriceEachSkuAtOnceAsync(SimulatorHost simulator, ErpSystem erp)
    {
        await using var gateway = await GatewayHost.StartAsync(simulator, GatewayHost.RoutedTo(erp));
        var sample = await simulator.SampleAsync(Requests, 1, Ct);
        var customer = sample.Customers[0].CustomerId;
        // One storefront app per request, so that no caller's own plan limits the burst.
        var storefronts = sample.Skus.Select((_, i) => gateway.ClientFor(TestTokens.Storefront(customer, ["pricing:read"], TimeSpan.FromMinutes(10), subject: $"app-{i}"))).ToList();
        await simulator.ResetStatsAsync(Ct);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = sample.Skus.Select((sku, i) => Task.Run(async () =>
        {
            await start.Task;
            using var response = await storefronts[i].GetAsync(new Uri($"v1/prices?customerId={customer}&sku={sku}", UriKind.Relative), Ct);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return (response.StatusCode, 0);
            }

            var quote = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            return (response.StatusCode, quote.GetProperty("items").GetArrayLength());
        }, Ct)).ToList();
        start.SetResult();
        var answers = await Task.WhenAll(requests);
        var stats = await simulator.GetStatsAsync(Ct);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{erp}: {answers.Count(a => a.Item1 == HttpStatusCode.OK)} OK; {JsonSerializer.Serialize(erp == ErpSystem.Cloud ? stats.Cloud : stats.Legacy)}");
        return (answers, stats);
    }
}
