using Gateway.Core.Redis;
using Gateway.IntegrationTests.Caching;
using Gateway.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Gateway.IntegrationTests.Events;

/// <summary>
/// Without webhooks, the legacy ERP's change feed keeps three instances fresh: one instance polls it under a Redis
/// lease, and when that instance dies another takes over from the checkpoint.
/// </summary>
public sealed class LegacyFeedTests
{
    static readonly string[] Settings = ["Events:LegacyFeed=On", "Events:LeaseDuration=00:00:02", "Events:LegacyPollInterval=00:00:00.100"];

    [Theory]
    [MemberData(nameof(RedisDeployment.Both), MemberType = typeof(RedisDeployment))]
    public async Task Legacy_feed_keeps_every_instance_fresh_and_another_instance_takes_over_when_the_poller_dies(RedisKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisDeployment.StartAsync(kind);
        await using var simulator = await SimulatorHost.StartAsync();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var first = await CacheTestHost.StartAsync(simulator, redis.ConnectionString, settings: Settings);
        var leased = await Eventually.WaitForAsync(() => connection.GetDatabase().KeyExistsAsync(RedisKeys.FeedLease), held => held);
        await using var second = await CacheTestHost.StartAsync(simulator, redis.ConnectionString, settings: Settings);
        await using var third = await CacheTestHost.StartAsync(simulator, redis.ConnectionString, settings: Settings);
        CacheTestHost[] all = [first, second, third];
        var skus = (await simulator.SampleAsync(2, 1, ct)).Skus;
        foreach (var gateway in all)
        {
            await SimChanges.OnHandAsync(gateway, skus[0], "ATL");
        }

        await SimChanges.SetStockAsync(simulator, skus[0], "ATL", 4321);
        var fresh = await Task.WhenAll(all.Select(g => Eventually.WaitForAsync(() => SimChanges.OnHandAsync(g, skus[0], "ATL"), v => v == 4321)));

        // The first instance took the lease before the others started: it is the poller. It dies; a survivor takes over.
        await first.DisposeAsync();
        await SimChanges.OnHandAsync(second, skus[1], "ATL");
        await SimChanges.OnHandAsync(third, skus[1], "ATL");
        await SimChanges.SetStockAsync(simulator, skus[1], "ATL", 1234);
        var afterTakeover = await Task.WhenAll(new[] { second, third }.Select(g => Eventually.WaitForAsync(() => SimChanges.OnHandAsync(g, skus[1], "ATL"), v => v == 1234)));

        Assert.True(leased);
        Assert.All(fresh, v => Assert.Equal(4321, v));
        Assert.All(afterTakeover, v => Assert.Equal(1234, v));
    }
}
