using Gateway.IntegrationTests.Caching;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Events;

/// <summary>Redis going away costs the shared level and the event stream, never answers; its return needs no one.</summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task Redis_stopped_still_answers_with_readiness_degraded_and_recovers_when_it_returns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var port = FreePorts.Next();
        await using var simulator = await SimulatorHost.StartAsync(
            $"Simulator:WebhookUrls=http://127.0.0.1:{port}/events/erp", "Simulator:WebhookSecret=" + CacheTestHost.WebhookSecret);
        await using var sut = await CacheTestHost.StartAsync(simulator, redis.ConnectionString, port);
        var skus = (await simulator.SampleAsync(2, 1, ct)).Skus;
        await sut.Stock.GetStockAsync(skus, ct);
        var healthy = await Eventually.WaitForAsync(() => SimChanges.CacheReadinessAsync(sut), s => s == "healthy");

        await redis.StopAsync();
        await simulator.ResetStatsAsync(ct);
        var duringOutage = await sut.Stock.GetStockAsync(skus, ct);
        var fromErpDuringOutage = await sut.Stock.GetStockAsync([(await simulator.SampleAsync(3, 1, ct)).Skus[2]], ct);
        var degraded = await Eventually.WaitForAsync(() => SimChanges.CacheReadinessAsync(sut), s => s == "degraded");
        var callsDuringOutage = (await simulator.GetStatsAsync(ct)).Cloud.CallsOf("inventory.get");

        await redis.StartAsync();
        var recovered = await Eventually.WaitForAsync(() => SimChanges.CacheReadinessAsync(sut), s => s == "healthy");
        await simulator.ResetStatsAsync(ct);
        await sut.Stock.GetStockAsync(skus, ct);
        var callsAfterRecovery = (await simulator.GetStatsAsync(ct)).Cloud.CallsOf("inventory.get");
        await SimChanges.SetStockAsync(simulator, skus[0], "TOR", 2468);
        var fresh = await Eventually.WaitForAsync(() => SimChanges.OnHandAsync(sut, skus[0], "TOR"), v => v == 2468);

        Assert.Equal("healthy", healthy);
        Assert.Equal(2, duringOutage.Count);
        Assert.Single(fromErpDuringOutage);
        Assert.Equal(1, callsDuringOutage);      // the cached SKUs came from L1, the other from the ERP
        Assert.Equal("degraded", degraded);
        Assert.Equal("healthy", recovered);
        Assert.Equal(1, callsAfterRecovery);     // entries from before the outage no longer count
        Assert.Equal(2468, fresh);
    }
}
