using System.ServiceModel;
using ErpSimulator.Tests.Legacy.Client;

namespace ErpSimulator.Tests.Legacy;

public sealed class LegacyConcurrencyTests
{
    [Fact]
    public async Task GetItems_BeyondFourInFlight_ServerBusyAtOnceAndCounted()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sut = await SimulatorHost.StartAsync("Simulator:LatencyMs=200");
        using var client = new LegacyClient(sut.BaseAddress);
        await SimControl.ResetStatsAsync(sut.Client, ct);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(async _ =>
        {
            try
            {
                await client.Erp.GetItems(["000000000000100001"]);
                return "ok";
            }
            catch (FaultException fault)
            {
                return fault.Code.Name + ":" + fault.Reason;
            }
        }));

        var busy = outcomes.Count(o => o == "Server:ServerBusy");
        var snapshot = (await SimControl.StatsAsync(sut.Client, ct)).Legacy;
        Assert.True(busy > 0, string.Join(", ", outcomes));
        Assert.Equal(12, busy + outcomes.Count(o => o == "ok"));
        Assert.InRange(snapshot.MaxConcurrency, 1, 4);
        Assert.Equal(busy, snapshot.BusyFaults);
        Assert.Equal(12, snapshot.Calls);
        Assert.Equal(12 - busy, snapshot.Operations["GetItems"].Calls);
    }
}
