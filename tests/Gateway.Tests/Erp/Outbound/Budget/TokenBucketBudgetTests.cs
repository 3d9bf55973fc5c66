using System.Threading.RateLimiting;
using Gateway.Core.Erp;
using Gateway.Erp;
using Gateway.Erp.Cloud;
using Gateway.Erp.Outbound.Budget;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Erp.Outbound.Budget;

public sealed class TokenBucketBudgetTests
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    TokenBucketBudget Budget(double rate, double burst, TimeSpan? queueTimeout = null, double backgroundShare = 0.25) => new(
        ErpSystem.Cloud,
        rate,
        burst,
        new CloudErpOptions { QueueTimeout = queueTimeout ?? TimeSpan.FromSeconds(2), BackgroundShare = backgroundShare, MaxQueueLength = 10_000 },
        _time,
        startFull: true);

    [Fact]
    public void Constructor_ByDefault_StartsEmptyAndEarnsItsBurstAtTheRate()
    {
        using var sut = new TokenBucketBudget(ErpSystem.Cloud, 10, 5, new CloudErpOptions { QueueTimeout = TimeSpan.FromSeconds(2) }, _time);

        var first = sut.Ask();
        var grantedAtOnce = first.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(100));

        Assert.False(grantedAtOnce);
        Assert.True(first.Granted());
    }

    [Fact]
    public async Task AcquireAsync_WithinBurst_GrantsAtOnce()
    {
        using var sut = Budget(rate: 10, burst: 5);

        var leases = new List<RateLimitLease>();
        for (var i = 0; i < 5; i++)
        {
            leases.Add(await sut.Ask());
        }

        Assert.All(leases, l => Assert.True(l.IsAcquired));
    }

    [Fact]
    public void AcquireAsync_BurstSpent_WaitsForTheNextToken()
    {
        using var sut = Budget(rate: 10, burst: 1);
        Assert.True(sut.Ask().Granted());

        var waiting = sut.Ask();
        _time.Advance(TimeSpan.FromMilliseconds(99));
        var before = waiting.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(before);
        Assert.True(waiting.IsCompleted);
        Assert.True(waiting.Granted());
    }

    [Fact]
    public void AcquireAsync_PredictedWaitBeyondQueueTimeout_RefusedAtOnceWithRetryAfter()
    {
        using var sut = Budget(rate: 1, burst: 1, queueTimeout: TimeSpan.FromSeconds(2));
        sut.Ask();
        sut.Ask();
        sut.Ask();

        var refused = sut.Ask();

        Assert.True(refused.IsCompleted);
        Assert.False(refused.Settled().IsAcquired);
        Assert.True(refused.Settled().TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(3), retryAfter);
    }

    [Fact]
    public void AcquireAsync_BackgroundAlone_LeavesTheInteractiveReserve()
    {
        // Burst 8 with the default 25% reserve: background may spend 6 tokens, the last 2 wait for interactive calls.
        using var sut = Budget(rate: 0.001, burst: 8, queueTimeout: TimeSpan.Zero);
        var background = Enumerable.Range(0, 8).Select(_ => sut.Ask(ErpTrafficClass.Background).Granted()).ToList();
        var interactive = Enumerable.Range(0, 2).Select(_ => sut.Ask().Granted()).ToList();

        Assert.Equal(6, background.Count(granted => granted));
        Assert.All(interactive, Assert.True);
    }

    [Fact]
    public void AcquireAsync_BothClassesWaiting_BackgroundGetsItsShare()
    {
        using var sut = Budget(rate: 10, burst: 1, queueTimeout: TimeSpan.FromMinutes(1), backgroundShare: 0.25);
        sut.Ask();
        var interactive = Enumerable.Range(0, 100).Select(_ => sut.Ask()).ToList();
        var background = Enumerable.Range(0, 100).Select(_ => sut.Ask(ErpTrafficClass.Background)).ToList();

        for (var i = 0; i < 40; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(10, background.Count(l => l.IsCompleted));
        Assert.Equal(30, interactive.Count(l => l.IsCompleted));
    }

    [Fact]
    public void Pause_AfterA429_SendsNothingUntilRetryAfterThenRefillsAtHalfTheRate()
    {
        using var sut = Budget(rate: 10, burst: 10);

        sut.Pause(TimeSpan.FromSeconds(1));
        var waiting = sut.Ask();
        _time.Advance(TimeSpan.FromMilliseconds(1000));
        var atPauseEnd = waiting.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(200));

        Assert.False(atPauseEnd);
        Assert.True(waiting.Granted());
        Assert.InRange(sut.Rate, 5, 5.2);
    }

    [Fact]
    public void Pause_ManyRefusalsOfOneBurst_HalveTheRateOnce()
    {
        using var sut = Budget(rate: 16, burst: 10);

        sut.Pause(TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromMilliseconds(10));
        sut.Pause(TimeSpan.FromSeconds(1));
        sut.Pause(TimeSpan.FromSeconds(1));

        Assert.Equal(8, sut.Rate);
    }

    [Fact]
    public void Rate_WithoutFurther429s_RecoversToTheConfiguredRate()
    {
        using var sut = Budget(rate: 10, burst: 10);
        sut.Pause(TimeSpan.FromSeconds(1));

        _time.Advance(TimeSpan.FromSeconds(1 + 6));

        Assert.Equal(10, sut.Rate);
    }

    [Fact]
    public void Snapshot_WhilePaused_ReportsNothingAvailableAndThePause()
    {
        using var sut = Budget(rate: 10, burst: 10);

        sut.Pause(TimeSpan.FromSeconds(2));
        var snapshot = sut.Snapshot();

        Assert.Equal(0, snapshot.Available);
        Assert.Equal(TimeSpan.FromSeconds(2), snapshot.PausedFor);
        Assert.Equal("local", snapshot.Coordination);
    }
}
