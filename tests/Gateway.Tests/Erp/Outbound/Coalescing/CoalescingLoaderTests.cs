using Gateway.Erp;
using Gateway.Erp.Outbound.Coalescing;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Erp.Outbound.Coalescing;

/// <summary>The batching of lookups across callers: who shares a call, who gets which answer, who fails and who gives up.</summary>
public sealed class CoalescingLoaderTests
{
    static readonly TimeSpan Window = TimeSpan.FromMilliseconds(2);
    const ErpTrafficClass Interactive = ErpTrafficClass.Interactive;

    readonly FakeTimeProvider _time = new();

    // The run's token: a lookup that never completes ends with the run instead of outliving it.
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly TimeSpan MaxHold = TimeSpan.FromMilliseconds(100);

    CoalescingLoader<Answered> Loader(FakeBatchedErp erp, int maxBatchSize = 100, TimeSpan? window = null, int callsInFlight = 0) =>
        new("test.get", maxBatchSize, window ?? Window, _time, erp.FetchAsync, callsInFlight, MaxHold);

    [Fact]
    public async Task LoadAsync_DistinctKeysWithinTheWindow_OneCallAndEachCallerGetsOnlyItsOwnKeys()
    {
        var erp = new FakeBatchedErp();
        var sut = Loader(erp);

        var first = sut.LoadAsync("USD", ["a", "b"], Interactive, Ct);
        var second = sut.LoadAsync("USD", ["c"], Interactive, Ct);
        var third = sut.LoadAsync("USD", ["d", "unknown-1"], Interactive, Ct);
        _time.Advance(Window);

        Assert.Equal(["a", "b"], (await first).Keys.Order());
        Assert.Equal(["c"], (await second).Keys);
        Assert.Equal(["d"], (await third).Keys);
        Assert.Equal(new Answered("USD", "c"), (await second)["c"]);
        var call = Assert.Single(erp.Calls);
        Assert.Equal(["a", "b", "c", "d", "unknown-1"], call.Keys);
        Assert.Equal(0, sut.InFlight);
    }

    [Fact]
    public async Task LoadAsync_KeysArriveWhileTheCallWaitsForBudget_JoinThatCall()
    {
        var erp = new FakeBatchedErp(budgetOpen: false);
        var sut = Loader(erp);
        var first = sut.LoadAsync("", ["a"], Interactive, Ct);
        _time.Advance(Window);
        await erp.EnteredAsync();

        // The window is over and the call is in the pipeline, but its request is not made yet.
        var second = sut.LoadAsync("", ["b", "c"], Interactive, Ct);
        erp.OpenBudget();

        Assert.Equal(["a"], (await first).Keys);
        Assert.Equal(["b", "c"], (await second).Keys.Order());
        Assert.Equal(["a", "b", "c"], Assert.Single(erp.Calls).Keys);
    }

    [Fact]
    public async Task LoadAsync_KeyArrivesAfterTheRequestIsMade_GoesInTheNextCall()
    {
        var erp = new FakeBatchedErp { Attempts = 2 };
        var sut = Loader(erp);
        var first = sut.LoadAsync("", ["a"], Interactive, Ct);
        _time.Advance(Window);
        await first;

        var second = sut.LoadAsync("", ["b"], Interactive, Ct);
        _time.Advance(Window);

        Assert.Equal(["b"], (await second).Keys);
        Assert.Equal([["a"], ["b"]], erp.Calls.Select(c => c.Keys));
    }

    [Fact]
    public async Task LoadAsync_MoreKeysThanTheBatchLimit_SplitIntoFullCallsSentWithoutWaitingTheWindow()
    {
        var erp = new FakeBatchedErp();
        var sut = Loader(erp, maxBatchSize: 3);

        var lookups = new[] { "a", "b", "c", "d", "e", "f" }.Select(k => sut.LoadAsync("", [k], Interactive, Ct)).ToList();
        lookups.Add(sut.LoadAsync("", ["g"], Interactive, Ct));
        // Two full batches go at once; the seventh key waits for its window.
        await Task.WhenAll(lookups.Take(6));
        Assert.Equal(2, erp.Calls.Count);
        _time.Advance(Window);
        await Task.WhenAll(lookups);

        Assert.Equal([3, 3, 1], erp.Calls.Select(c => c.Keys.Count).Order().Reverse());
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g"], erp.Calls.SelectMany(c => c.Keys).Order());
        Assert.All(lookups, (l, i) => Assert.Single(l.Result));
    }

    [Fact]
    public async Task LoadAsync_IdenticalKeysFromManyCallers_AskedOnceAndSharedByAll()
    {
        var erp = new FakeBatchedErp(budgetOpen: false);
        var sut = Loader(erp);

        var lookups = Enumerable.Range(0, 50).Select(i => sut.LoadAsync("", ["same", "own-" + i], Interactive, Ct)).ToList();
        _time.Advance(Window);
        await erp.EnteredAsync();
        var late = sut.LoadAsync("", ["same"], Interactive, Ct);
        erp.OpenBudget();
        await Task.WhenAll([.. lookups, late]);

        var call = Assert.Single(erp.Calls);
        Assert.Equal(51, call.Keys.Count);
        Assert.Single(call.Keys, "same");
        Assert.All(lookups, (l, i) => Assert.Equal(["own-" + i, "same"], l.Result.Keys.Order()));
        Assert.Equal(["same"], (await late).Keys);
    }

    [Fact]
    public async Task LoadAsync_OneCallFails_OnlyItsCallersFailAndTheKeysAreAskedAgainLater()
    {
        var erp = new FakeBatchedErp();
        erp.Failing.Add("EUR");
        var sut = Loader(erp);

        var failing = sut.LoadAsync("EUR", ["a"], Interactive, Ct);
        var alsoFailing = sut.LoadAsync("EUR", ["b"], Interactive, Ct);
        var fine = sut.LoadAsync("USD", ["a"], Interactive, Ct);
        _time.Advance(Window);

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        await Assert.ThrowsAsync<InvalidOperationException>(() => alsoFailing);
        Assert.Equal(new Answered("USD", "a"), (await fine)["a"]);
        Assert.Equal(0, sut.InFlight);

        erp.Failing.Clear();
        var again = sut.LoadAsync("EUR", ["a"], Interactive, Ct);
        _time.Advance(Window);
        Assert.Equal(new Answered("EUR", "a"), (await again)["a"]);
    }

    [Fact]
    public async Task LoadAsync_RefusedBeforeItsRequest_ItsCallersFailAndNewKeysStartAFreshCall()
    {
        var erp = new FakeBatchedErp(budgetOpen: false) { RefuseBeforeRequest = true };
        var sut = Loader(erp);
        var refused = sut.LoadAsync("", ["a"], Interactive, Ct);
        _time.Advance(Window);
        await erp.EnteredAsync();
        var joined = sut.LoadAsync("", ["b"], Interactive, Ct);
        erp.OpenBudget();

        await Assert.ThrowsAsync<InvalidOperationException>(() => refused);
        await Assert.ThrowsAsync<InvalidOperationException>(() => joined);
        erp.RefuseBeforeRequest = false;
        var fresh = sut.LoadAsync("", ["b"], Interactive, Ct);
        _time.Advance(Window);

        Assert.Equal(["b"], (await fresh).Keys);
        Assert.Equal(["b"], Assert.Single(erp.Calls).Keys);
    }

    [Fact]
    public async Task LoadAsync_ACallerGivesUp_TheCallGoesOnForTheOthers()
    {
        var erp = new FakeBatchedErp(budgetOpen: false);
        var sut = Loader(erp);
        using var givingUp = new CancellationTokenSource();

        var abandoned = sut.LoadAsync("", ["a", "shared"], Interactive, givingUp.Token);
        var staying = sut.LoadAsync("", ["shared", "b"], Interactive, Ct);
        _time.Advance(Window);
        await erp.EnteredAsync();
        await givingUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.False(staying.IsCompleted);
        erp.OpenBudget();
        Assert.Equal(["b", "shared"], (await staying).Keys.Order());
        Assert.Equal(["a", "shared", "b"], Assert.Single(erp.Calls).Keys);
    }

    [Fact]
    public async Task LoadAsync_ZeroWindow_EachCallerIsItsOwnCall()
    {
        var erp = new FakeBatchedErp(budgetOpen: false);
        var sut = Loader(erp, window: TimeSpan.Zero);

        var first = sut.LoadAsync("", ["a"], Interactive, Ct);
        await erp.EnteredAsync();
        var second = sut.LoadAsync("", ["b"], Interactive, Ct);
        await erp.EnteredAsync();
        erp.OpenBudget();
        await Task.WhenAll(first, second);

        Assert.Equal([["a"], ["b"]], erp.Calls.Select(c => c.Keys).OrderBy(k => k[0], StringComparer.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_InteractiveAndBackgroundKeys_NeverShareACall()
    {
        var erp = new FakeBatchedErp();
        var sut = Loader(erp);

        var user = sut.LoadAsync("", ["a"], ErpTrafficClass.Interactive, Ct);
        var job = sut.LoadAsync("", ["b"], ErpTrafficClass.Background, Ct);
        _time.Advance(Window);
        await Task.WhenAll(user, job);

        Assert.Equal(2, erp.Calls.Count);
        Assert.Contains(erp.Calls, c => c.Traffic == ErpTrafficClass.Interactive && c.Keys.SequenceEqual(["a"]));
        Assert.Contains(erp.Calls, c => c.Traffic == ErpTrafficClass.Background && c.Keys.SequenceEqual(["b"]));
    }

    [Fact]
    public async Task LoadAsync_KeysWhoseWindowEndsWhileACallOfTheirKindIsOnItsWay_GoTogetherWhenItEnds()
    {
        var (erp, sut, first) = await OneCallOnItsWayAsync();

        var second = sut.LoadAsync("", ["b"], Interactive, Ct);
        _time.Advance(Window);
        var third = sut.LoadAsync("", ["c"], Interactive, Ct);
        _time.Advance(Window);
        Assert.Single(erp.Calls);

        erp.ReleaseAnswers();
        Assert.Equal(["a"], (await first).Keys);
        Assert.Equal(["b"], (await second).Keys);
        Assert.Equal(["c"], (await third).Keys);
        Assert.Equal([["a"], ["b", "c"]], erp.Calls.Select(c => c.Keys));
    }

    [Fact]
    public async Task LoadAsync_ACallOnItsWayHangs_TheHeldBatchGoesAfterTheLongestHold()
    {
        var (erp, sut, first) = await OneCallOnItsWayAsync();

        var second = sut.LoadAsync("", ["b"], Interactive, Ct);
        for (var step = 0; step < 100 && erp.Calls.Count < 2; step++)
        {
            _time.Advance(Window);
            await Task.Delay(1, Ct);
        }

        Assert.Equal([["a"], ["b"]], erp.Calls.Select(c => c.Keys));
        Assert.False(first.IsCompleted);
        erp.ReleaseAnswers();
        Assert.Equal(["b"], (await second).Keys);
    }

    [Fact]
    public async Task LoadAsync_NoCallOnItsWay_TheBatchIsNotHeld()
    {
        var erp = new FakeBatchedErp(answersHeld: true);
        var sut = Loader(erp, callsInFlight: 1);

        _ = sut.LoadAsync("", ["a"], Interactive, Ct);
        _ = sut.LoadAsync("", ["b"], ErpTrafficClass.Background, Ct);
        _time.Advance(Window);
        await erp.RequestedAsync(2);

        Assert.Equal(2, erp.Calls.Count);
        erp.ReleaseAnswers();
    }

    /// <summary>A loader holding batches behind one call on its way, and that call: key "a", its request made, no answer yet.</summary>
    async Task<(FakeBatchedErp Erp, CoalescingLoader<Answered> Sut, Task<IReadOnlyDictionary<string, Answered>> First)> OneCallOnItsWayAsync()
    {
        var erp = new FakeBatchedErp(answersHeld: true);
        var sut = Loader(erp, callsInFlight: 1);
        var first = sut.LoadAsync("", ["a"], Interactive, Ct);
        _time.Advance(Window);
        await erp.RequestedAsync();
        return (erp, sut, first);
    }
}
