using Gateway.Caching;
using Gateway.Core.Events;
using Gateway.Core.Redis;
using Gateway.Events;
using Gateway.IntegrationTests.Fixtures;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.IntegrationTests.Events;

/// <summary>The change stream reader on a real Redis, driven directly: where it starts reading.</summary>
public sealed class ChangeStreamReaderTests
{
    [Theory]
    [MemberData(nameof(RedisDeployment.Both), MemberType = typeof(RedisDeployment))]
    public async Task Reader_getting_going_after_the_first_change_still_drops_what_was_cached_before_it(RedisKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisDeployment.StartAsync(kind);
        var options = new CachingOptions();
        await using var shared = new RedisConnection(redis.ConnectionString);
        var connection = new CacheRedis(shared, options, TimeProvider.System, NullLogger<CacheRedis>.Instance);
        await connection.ConnectAsync();
        using var store = new CacheStore(options, new RedisLevel(connection), TimeProvider.System);
        var ledger = new RedisChangeLedger(connection, new EventsOptions());

        // An answer cached as soon as the instance serves, then a change of it appended before the reader first reads.
        const string cached = CacheKeys.Stock + ":SKU-1";
        store.TryStoreLocal(cached, new CacheEntry("old", true, DateTimeOffset.UtcNow), store.Generation(cached), TimeSpan.FromMinutes(1));
        var first = await RecordAsync(ledger, "SKU-1", ct);
        await using var membership = new ClusterMembership(
            shared, new MembershipSettings("test:instances", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), 1), TimeProvider.System);
        var acks = new InvalidationAcks(membership, TimeProvider.System);
        using var sut = new ChangeStreamReader(connection, store, acks, TimeProvider.System, NullLogger<ChangeStreamReader>.Instance);
        await sut.StartAsync(ct);
        var second = await RecordAsync(ledger, "SKU-2", ct);
        // The stream is read in order: once the second change is applied, the first one has been too, or never will be.
        await Eventually.WaitForAsync(() => Task.FromResult(store.Generation(CacheKeys.Stock + ":SKU-2")), g => g > 0);
        await sut.StopAsync(ct);

        Assert.Equal(IngestResult.Applied, first);
        Assert.Equal(IngestResult.Applied, second);
        Assert.Equal(1, store.Generation(CacheKeys.Stock + ":SKU-2"));
        Assert.Null(store.Local(cached));
        Assert.Equal(1, store.Generation(cached));
    }

    static Task<IngestResult> RecordAsync(RedisChangeLedger ledger, string sku, CancellationToken ct)
    {
        var change = new ErpChange(Guid.NewGuid().ToString(), ErpChangeTypes.InventoryChanged, sku, null, "DAL", null, 1, DateTimeOffset.UtcNow);
        return ledger.RecordAsync(change, CacheKeys.StaleAfter(change), ct);
    }
}
