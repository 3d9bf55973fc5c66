using System.Threading.RateLimiting;
using Gateway.Core.Erp;
using Gateway.Erp;
using Gateway.Erp.Legacy;
using Gateway.Erp.Outbound.Budget;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Erp.Outbound.Budget;

public sealed class ConcurrencyBudgetTests
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    ConcurrencyBudget Budget(int slots, TimeSpan? queueTimeout = null) =>
        new(ErpSystem.Legacy, slots, new LegacyErpOptions { QueueTimeout = queueTimeout ?? TimeSpan.FromSeconds(2) }, _time);

    [Fact]
    public void AcquireAsync_AllSlotsInUse_WaitsUntilOneIsReleased()
    {
        using var sut = Budget(slots: 4);
        var held = Enumerable.Range(0, 4).Select(_ => sut.Ask().Settled()).ToList();

        var waiting = sut.Ask();
        var before = waiting.IsCompleted;
        held[0].Dispose();

        Assert.All(held, l => Assert.True(l.IsAcquired));
        Assert.False(before);
        Assert.True(waiting.Granted());
        Assert.Equal(4, sut.InUse);
    }

    [Fact]
    public void AcquireAsync_NoSlotWithinQueueTimeout_RefusedWithRetryAfter()
    {
        using var sut = Budget(slots: 1, queueTimeout: TimeSpan.FromSeconds(2));
        using var held = sut.Ask().Settled();

        var waiting = sut.Ask();
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.False(waiting.Granted());
        Assert.True(waiting.Settled().TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.True(retryAfter > TimeSpan.Zero);
    }

    [Fact]
    public void AcquireAsync_BackgroundAlone_LeavesOneSlotForInteractiveCalls()
    {
        using var sut = Budget(slots: 4, queueTimeout: TimeSpan.Zero);

        var background = Enumerable.Range(0, 4).Select(_ => sut.Ask(ErpTrafficClass.Background).Granted()).ToList();
        var interactive = sut.Ask().Settled();

        Assert.Equal(3, background.Count(granted => granted));
        Assert.True(interactive.IsAcquired);
    }

    [Fact]
    public void Dispose_ReleasedTwice_ReturnsTheSlotOnce()
    {
        using var sut = Budget(slots: 2);
        var lease = sut.Ask().Settled();

        lease.Dispose();
        lease.Dispose();

        Assert.Equal(0, sut.InUse);
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_FreesItsPlace()
    {
        using var sut = Budget(slots: 1);
        using var held = sut.Ask().Settled();
        using var cancel = new CancellationTokenSource();

        var waiting = sut.AskUntil(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await waiting);
        Assert.Equal(0, sut.Snapshot().InteractiveWaiting);
    }
}
