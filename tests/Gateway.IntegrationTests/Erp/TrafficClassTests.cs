using Gateway.Core.Erp;
using Gateway.Erp;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Erp;

/// <summary>
/// Interactive and background calls share one budget per ERP: a background flood never keeps a storefront read from
/// being answered, and an interactive flood never stops background work (count-based, over a few seconds).
/// </summary>
[Collection(SharedSimulator.Name)]
public sealed class TrafficClassTests(SimulatorHost simulator)
{
    [Theory]
    [InlineData(ErpSystem.Legacy)]
    [InlineData(ErpSystem.Cloud)]
    public async Task A_background_flood_does_not_keep_interactive_reads_from_being_answered(ErpSystem erp)
    {
        var ct = TestContext.Current.CancellationToken;
        var sample = await simulator.SampleAsync(210, 1, ct);
        await using var sut = ConnectorsHost.Start(simulator, erp, new Dictionary<string, string?> { [$"Erp:{erp}:CoalescingWindow"] = "00:00:00" });
        if (erp == ErpSystem.Cloud)
        {
            await simulator.RestCloudQuotaAsync(ct);
        }

        await simulator.SetFaultsAsync(erp == ErpSystem.Legacy ? "legacy" : "cloud", latencyMs: 20, cancellationToken: ct);
        try
        {
            var background = Task.Run(
                () =>
                {
                    using (ErpTraffic.Background())
                    {
                        return Hammer.RunAsync(200, TimeSpan.FromSeconds(3), (caller, _, token) => sut.Stock.GetStockAsync([sample.Skus[caller]], token), ct);
                    }
                },
                ct);
            var interactive = await Hammer.RunAsync(10, TimeSpan.FromSeconds(3), (caller, _, token) => sut.Stock.GetStockAsync([sample.Skus[200 + caller]], token), ct);
            var flood = await background;

            TestContext.Current.TestOutputHelper?.WriteLine($"{erp}: interactive {interactive}; background {flood}");
            OverloadTests.AssertEveryCallEnded(interactive);
            OverloadTests.AssertEveryCallEnded(flood);
            Assert.Equal(0, interactive.Refusals);
        }
        finally
        {
            await simulator.ClearFaultsAsync(ct);
            if (erp == ErpSystem.Cloud)
            {
                await simulator.RestCloudQuotaAsync(ct);
            }
        }
    }

    [Fact]
    public async Task An_interactive_flood_leaves_background_work_its_share()
    {
        var ct = TestContext.Current.CancellationToken;
        var sample = await simulator.SampleAsync(210, 1, ct);
        await using var sut = ConnectorsHost.Start(simulator, ErpSystem.Cloud, new Dictionary<string, string?>
        {
            ["Erp:Cloud:CoalescingWindow"] = "00:00:00",
            ["Erp:Cloud:BackgroundShare"] = "0.5",
        });
        await simulator.RestCloudQuotaAsync(ct);

        var background = Task.Run(
            () =>
            {
                using (ErpTraffic.Background())
                {
                    return Hammer.RunAsync(10, TimeSpan.FromSeconds(3), (caller, _, token) => sut.Stock.GetStockAsync([sample.Skus[200 + caller]], token), ct);
                }
            },
            ct);
        var interactive = await Hammer.RunAsync(200, TimeSpan.FromSeconds(3), (caller, _, token) => sut.Stock.GetStockAsync([sample.Skus[caller]], token), ct);
        var work = await background;
        await simulator.RestCloudQuotaAsync(ct);

        TestContext.Current.TestOutputHelper?.WriteLine($"interactive {interactive}; background {work}");
        OverloadTests.AssertEveryCallEnded(interactive);
        OverloadTests.AssertEveryCallEnded(work);
        // First come, first served would give the 10 background callers about 10/210 of the answers; their share is half.
        Assert.True(work.Answers * 5 >= interactive.Answers + work.Answers, $"background got {work.Answers} of {interactive.Answers + work.Answers}");
    }
}
