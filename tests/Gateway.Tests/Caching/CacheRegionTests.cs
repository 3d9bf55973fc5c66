using Gateway.Caching;
using Gateway.Core.Erp;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Caching;

public sealed class CacheRegionTests : IDisposable
{
    static readonly CachePolicy Policy = new(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60));

    readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-23T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    readonly CacheStore _store;
    readonly CacheRegion<string> _sut;
    int _fetches;

    public CacheRegionTests()
    {
        _store = new(new CachingOptions(), remote: null, _time);
        _sut = new CacheRegion<string>("test", Policy, _store, new CacheOutcomes(), _time, NullLogger.Instance);
    }

    [Fact]
    public async Task GetManyAsync_SomeCached_FetchesOnlyTheMissesInOneCall()
    {
        await GetAsync("a", "b");
        IReadOnlyList<string>? asked = null;

        var found = await _sut.GetManyAsync(["a", "b", "c", "d"], (keys, _) =>
        {
            asked = keys;
            return Task.FromResult<IReadOnlyDictionary<string, string>>(keys.ToDictionary(k => k, k => k + "!"));
        }, CancellationToken.None);

        Assert.Equal(["c", "d"], asked);
        Assert.Equal(4, found.Count);
    }

    [Fact]
    public async Task GetManyAsync_RepeatedKey_IsFetchedOnce()
    {
        var found = await GetAsync("a", "a", "b");

        Assert.Equal(["a", "b"], found.Keys.Order());
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task GetManyAsync_UnknownKey_IsCachedAsAbsent()
    {
        await _sut.GetManyAsync(["x"], (_, _) => Fetched(new Dictionary<string, string>()), CancellationToken.None);

        var again = await _sut.GetManyAsync(["x"], (_, _) => Fetched(new Dictionary<string, string>()), CancellationToken.None);

        Assert.Empty(again);
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task GetManyAsync_FillRacingAnInvalidation_DoesNotStoreTheOlderValue()
    {
        var release = new TaskCompletionSource();
        var racing = _sut.GetManyAsync(["a"], async (_, _) =>
        {
            _fetches++;
            await release.Task;
            return new Dictionary<string, string> { ["a"] = "old" };
        }, CancellationToken.None);

        _store.InvalidateLocal(_sut.FullKey("a"));
        release.SetResult();
        var first = await racing;
        var second = await GetAsync("a");

        Assert.Equal("old", first["a"]);
        Assert.Equal("a!", second["a"]);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task GetManyAsync_MissAfterAnInvalidation_DoesNotJoinTheFlightThatBeganBeforeIt()
    {
        var release = new TaskCompletionSource();
        var before = _sut.GetManyAsync(["a"], async (_, _) =>
        {
            await release.Task;
            return new Dictionary<string, string> { ["a"] = "old" };
        }, CancellationToken.None);

        _store.InvalidateLocal(_sut.FullKey("a"));
        var after = _sut.GetManyAsync(["a"], (_, _) => Fetched(new Dictionary<string, string> { ["a"] = "new" }), CancellationToken.None);
        var joining = _sut.GetManyAsync(["a"], (_, _) => Fetched(new Dictionary<string, string> { ["a"] = "newer" }), CancellationToken.None);
        release.SetResult();

        Assert.Equal("old", (await before)["a"]);
        Assert.Equal("new", (await after)["a"]);
        Assert.Equal("new", (await joining)["a"]);
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task GetManyAsync_ConcurrentMisses_FetchOnce()
    {
        var release = new TaskCompletionSource();
        var reads = Enumerable.Range(0, 50).Select(_ => _sut.GetManyAsync(["a"], async (keys, _) =>
        {
            Interlocked.Increment(ref _fetches);
            await release.Task;
            return keys.ToDictionary(k => k, k => k + "!");
        }, CancellationToken.None)).ToArray();

        release.SetResult();
        var answers = await Task.WhenAll(reads);

        Assert.All(answers, a => Assert.Equal("a!", a["a"]));
        Assert.Equal(1, _fetches);
    }

    [Fact]
    public async Task GetManyAsync_ErpFailsWithinMaxStaleness_ServesTheLastGoodValue()
    {
        await GetAsync("a");
        _time.Advance(TimeSpan.FromSeconds(30));

        var found = await _sut.GetManyAsync(["a"], (_, _) => Fail(), CancellationToken.None);

        Assert.Equal("a!", found["a"]);
    }

    [Fact]
    public async Task GetManyAsync_ErpFailsBeyondMaxStaleness_Throws()
    {
        await GetAsync("a");
        _time.Advance(TimeSpan.FromSeconds(61));

        await Assert.ThrowsAsync<ErpUnavailableException>(() => _sut.GetManyAsync(["a"], (_, _) => Fail(), CancellationToken.None));
    }

    [Fact]
    public async Task GetManyAsync_EntryOlderThanTheFloor_IsFetchedAgain()
    {
        await GetAsync("a");
        _time.Advance(TimeSpan.FromSeconds(1));
        _store.RaiseFloor(_time.GetUtcNow());

        await GetAsync("a");

        Assert.Equal(2, _fetches);
    }

    Task<IReadOnlyDictionary<string, string>> GetAsync(params string[] keys) =>
        _sut.GetManyAsync(keys, (asked, _) => Fetched(asked.ToDictionary(k => k, k => k + "!")), CancellationToken.None);

    Task<IReadOnlyDictionary<string, string>> Fetched(Dictionary<string, string> values)
    {
        _fetches++;
        return Task.FromResult<IReadOnlyDictionary<string, string>>(values);
    }

    static Task<IReadOnlyDictionary<string, string>> Fail() =>
        Task.FromException<IReadOnlyDictionary<string, string>>(new ErpUnavailableException(ErpSystem.Cloud, TimeSpan.FromSeconds(1), "test"));

    public void Dispose() => _store.Dispose();
}
