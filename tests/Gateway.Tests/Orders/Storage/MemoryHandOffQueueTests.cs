using Gateway.Orders;
using Gateway.Orders.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Orders.Storage;

public class MemoryHandOffQueueTests
{
    readonly FakeTimeProvider _time = new();
    readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    MemoryOrderStore Queue() => new(Options.Create(new OrdersOptions { HandOffClaimIdle = TimeSpan.FromSeconds(5) }), _time);

    [Fact]
    public async Task TakeAsync_TakenEntryPastTheClaimIdle_TakenAgain()
    {
        var sut = Queue();
        await sut.EnqueueAsync("ord_1", _ct);
        var taken = Assert.Single(await sut.TakeAsync(10, _ct));

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(taken, Assert.Single(await sut.TakeAsync(10, _ct)));
    }

    [Fact]
    public async Task TakeAsync_RenewedWithinTheClaimIdle_NotTakenAgain()
    {
        var sut = Queue();
        await sut.EnqueueAsync("ord_1", _ct);
        var taken = await sut.TakeAsync(10, _ct);

        _time.Advance(TimeSpan.FromSeconds(4));
        await sut.RenewAsync(taken, _ct);
        _time.Advance(TimeSpan.FromSeconds(4));

        Assert.Empty(await sut.TakeAsync(10, _ct));
    }

    [Fact]
    public async Task TakeAsync_Released_TakenAgainAtOnce()
    {
        var sut = Queue();
        await sut.EnqueueAsync("ord_1", _ct);
        var taken = Assert.Single(await sut.TakeAsync(10, _ct));

        await sut.ReleaseAsync(taken, _ct);

        Assert.Equal(taken, Assert.Single(await sut.TakeAsync(10, _ct)));
    }

    [Fact]
    public async Task TakeAsync_Completed_NeverTakenAgain()
    {
        var sut = Queue();
        await sut.EnqueueAsync("ord_1", _ct);
        var taken = Assert.Single(await sut.TakeAsync(10, _ct));

        await sut.CompleteAsync(taken, _ct);
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Empty(await sut.TakeAsync(10, _ct));
    }
}
