using Gateway.Versions.Usage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Versions.Usage;

public sealed class UsageCounterTests
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));

    UsageCounter Counter(int maxEntries = 1000) =>
        new(Options.Create(new UsageOptions { MaxEntries = maxEntries }), _time, NullLogger<UsageCounter>.Instance);

    [Fact]
    public void Drain_AfterCalls_GivesEachCellOnceWithTheLatestCall()
    {
        var sut = Counter();
        sut.Record("v1", "partner:a", "GET /v1/products/{sku}");
        _time.Advance(TimeSpan.FromSeconds(3));
        sut.Record("v1", "partner:a", "GET /v1/products/{sku}");
        sut.Record("v1", "partner:b", "GET /v1/products/{sku}");

        var deltas = sut.Drain();

        var a = Assert.Single(deltas, d => d.Key.CallerId == "partner:a");
        Assert.Equal(2, a.Calls);
        Assert.Equal(_time.GetUtcNow().ToUnixTimeMilliseconds(), a.LastCalledAtMs);
        Assert.Equal(new DateOnly(2026, 12, 2), a.Key.Date);
        Assert.Equal(1, Assert.Single(deltas, d => d.Key.CallerId == "partner:b").Calls);
        Assert.Empty(sut.Drain());
    }

    [Fact]
    public void Restore_AfterAFailedFlush_GivesTheCountsBackToTheNextDrain()
    {
        var sut = Counter();
        sut.Record("v1", "partner:a", "GET /v1/products");
        var failed = sut.Drain();
        sut.Record("v1", "partner:a", "GET /v1/products");

        sut.Restore(failed);

        Assert.Equal(2, Assert.Single(sut.Drain()).Calls);
    }

    [Fact]
    public void Record_PastTheBound_DropsNewCellsButCountsKnownOnes()
    {
        var sut = Counter(maxEntries: 2);
        sut.Record("v1", "a", "r");
        sut.Record("v1", "b", "r");
        sut.Record("v1", "c", "r");
        sut.Record("v1", "a", "r");

        var deltas = sut.Drain();

        Assert.Equal(2, deltas.Count);
        Assert.Equal(2, deltas.Single(d => d.Key.CallerId == "a").Calls);
        Assert.DoesNotContain(deltas, d => d.Key.CallerId == "c");
    }

    [Fact]
    public void Drain_NextDay_RemovesYesterdaysDrainedCells()
    {
        var sut = Counter(maxEntries: 1);
        sut.Record("v1", "a", "r");
        sut.Drain();
        _time.Advance(TimeSpan.FromDays(1));
        sut.Drain();

        // The bound of one cell is free again.
        sut.Record("v1", "b", "r");

        Assert.Equal("b", Assert.Single(sut.Drain()).Key.CallerId);
    }

    [Fact]
    public void Totals_CountEveryCallPerSubject()
    {
        var sut = Counter();
        sut.Record("v1", "a", "r");
        sut.Record("v1", "b", "r");
        sut.Record("Product.description", "a", "graphql");
        sut.Drain();

        var totals = sut.Totals().ToDictionary(t => t.Key, t => t.Value);

        Assert.Equal(2, totals["v1"]);
        Assert.Equal(1, totals["Product.description"]);
    }
}
