using Gateway.Core.Erp;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Erp;

/// <summary>
/// Ten times more demand than the quota: the ERPs never refuse (no 429, no ServerBusy, never over 4 sessions), and
/// every caller gets an answer or an <see cref="ErpUnavailableException"/> with a Retry-After, never a hang.
/// </summary>
[Collection(SharedSimulator.Name)]
public sealed class OverloadTests(SimulatorHost simulator)
{
    const int Callers = 200;

    [Fact]
    public async Task Two_hundred_callers_hammering_stock_never_push_the_cloud_erp_over_its_quota()
    {
        var ct = TestContext.Current.CancellationToken;
        var sample = await simulator.SampleAsync(Callers, 1, ct);
        // No micro-batching: each caller's read is its own ERP call, so demand really is 200 calls at a time.
        await using var sut = ConnectorsHost.Start(simulator, ErpSystem.Cloud, new Dictionary<string, string?> { ["Erp:Cloud:CoalescingWindow"] = "00:00:00" });
        await simulator.RestCloudQuotaAsync(ct);
        await simulator.ResetStatsAsync(ct);
        await simulator.SetFaultsAsync("cloud", latencyMs: 20, cancellationToken: ct);
        try
        {
            var tally = await Hammer.RunAsync(Callers, TimeSpan.FromSeconds(3), (caller, _, token) => sut.Stock.GetStockAsync([sample.Skus[caller]], token), ct);

            var stats = await simulator.GetStatsAsync(ct);
            TestContext.Current.TestOutputHelper?.WriteLine($"cloud: {tally}; ERP saw {stats.Cloud.Calls} calls, {stats.Cloud.Throttled} throttled");
            AssertEveryCallEnded(tally);
            Assert.Equal(0, stats.Cloud.Throttled);
            Assert.True(tally.Refusals > 0, "the demand should have exceeded the quota: " + tally);
            Assert.Equal(tally.Answers, stats.Cloud.Calls);
        }
        finally
        {
            await simulator.ClearFaultsAsync(ct);
            await simulator.RestCloudQuotaAsync(ct);   // the next test of the collection finds the cloud ERP's quota as this one did
        }
    }

    [Fact]
    public async Task Two_hundred_callers_hammering_stock_never_use_more_than_the_legacy_erps_four_sessions()
    {
        var ct = TestContext.Current.CancellationToken;
        var sample = await simulator.SampleAsync(Callers, 1, ct);
        await using var sut = ConnectorsHost.Start(simulator, ErpSystem.Legacy, new Dictionary<string, string?> { ["Erp:Legacy:CoalescingWindow"] = "00:00:00" });
        await simulator.ResetStatsAsync(ct);
        await simulator.SetFaultsAsync("legacy", latencyMs: 20, cancellationToken: ct);
        try
        {
            var tally = await Hammer.RunAsync(Callers, TimeSpan.FromSeconds(3), (caller, _, token) => sut.Stock.GetStockAsync([sample.Skus[caller]], token), ct);

            var stats = await simulator.GetStatsAsync(ct);
            TestContext.Current.TestOutputHelper?.WriteLine($"legacy: {tally}; ERP saw {stats.Legacy.Calls} calls, {stats.Legacy.BusyFaults} busy, max {stats.Legacy.MaxConcurrency} at once");
            AssertEveryCallEnded(tally);
            Assert.Equal(0, stats.Legacy.BusyFaults);
            Assert.InRange(stats.Legacy.MaxConcurrency, 1, 4);
            Assert.Equal(tally.Answers, stats.Legacy.Calls);
        }
        finally
        {
            await simulator.ClearFaultsAsync(ct);
        }
    }

    internal static void AssertEveryCallEnded(Tally tally)
    {
        Assert.Empty(tally.Failures);
        Assert.Equal(0, tally.Hangs);
        Assert.Equal(0, tally.RefusalsWithoutRetryAfter);
        Assert.True(tally.Answers > 0, tally.ToString());
    }
}
