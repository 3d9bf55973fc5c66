using Gateway.Core.Erp;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Erp;

/// <summary>
/// A gateway configured with more quota than the ERP really grants: the first 429 pauses the budget for the ERP's
/// Retry-After and halves its rate, so the ERP refuses only a bounded handful of calls, and every read still succeeds.
/// </summary>
public sealed class ThrottleAdaptationTests
{
    const int Callers = 3;
    const int ReadsPerCaller = 12;

    [Fact]
    public async Task A_quota_lower_than_configured_costs_a_bounded_handful_of_429s_and_no_failed_read()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var simulator = await SimulatorHost.StartAsync("Simulator:Cloud:RequestsPerSecond=10", "Simulator:Cloud:Burst=10");
        var sample = await simulator.SampleAsync(Callers * ReadsPerCaller, 1, ct);
        await using var sut = ConnectorsHost.Start(simulator, ErpSystem.Cloud, new Dictionary<string, string?>
        {
            ["Erp:Cloud:RequestsPerSecond"] = "40",
            ["Erp:Cloud:Burst"] = "10",
            ["Erp:Cloud:CoalescingWindow"] = "00:00:00",
            ["Erp:Cloud:QueueTimeout"] = "00:00:05",
        });

        var read = await Task.WhenAll(Enumerable.Range(0, Callers).Select(async caller =>
        {
            var answered = 0;
            for (var i = 0; i < ReadsPerCaller; i++)
            {
                answered += (await sut.Stock.GetStockAsync([sample.Skus[(caller * ReadsPerCaller) + i]], ct)).Count;
            }

            return answered;
        }));

        var stats = await simulator.GetStatsAsync(ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"{stats.Cloud.Calls} calls, {stats.Cloud.Throttled} throttled");
        Assert.Equal(Callers * ReadsPerCaller, read.Sum());
        Assert.InRange(stats.Cloud.Throttled, 1, Callers * 3);
        Assert.Equal(Callers * ReadsPerCaller, stats.Cloud.Calls - stats.Cloud.Throttled);
    }
}
