using Gateway.Core.Concurrency;

namespace Gateway.Tests.Core.Concurrency;

public sealed class SingleFlightTests
{
    readonly SingleFlight<string, string> _sut = new();
    int _calls;

    [Fact]
    public async Task RunAsync_ConcurrentCallersOfOneKey_ShareOneCall()
    {
        var release = new TaskCompletionSource<string>();

        var waits = Enumerable.Range(0, 20).Select(_ => _sut.RunAsync("a", () => Call(release.Task), CancellationToken.None)).ToArray();
        release.SetResult("answer");
        var answers = await Task.WhenAll(waits);

        Assert.All(answers, answer => Assert.Equal("answer", answer));
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task RunAsync_DifferentKeys_RunOneCallEach()
    {
        await Task.WhenAll(
            _sut.RunAsync("a", () => Call(Task.FromResult("a")), CancellationToken.None),
            _sut.RunAsync("b", () => Call(Task.FromResult("b")), CancellationToken.None));

        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task RunAsync_OneCallerCancels_TheCallGoesOnForTheOthers()
    {
        var release = new TaskCompletionSource<string>();
        using var giveUp = new CancellationTokenSource();
        var leaving = _sut.RunAsync("a", () => Call(release.Task), giveUp.Token);
        var staying = _sut.RunAsync("a", () => Call(release.Task), CancellationToken.None);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving);
        release.SetResult("answer");

        Assert.Equal("answer", await staying);
        Assert.Equal(1, _calls);
    }

    [Fact]
    public async Task RunAsync_CallFails_EveryWaiterSeesItAndTheNextCallStartsAfresh()
    {
        var release = new TaskCompletionSource<string>();
        var waits = Enumerable.Range(0, 5).Select(_ => _sut.RunAsync("a", () => Call(release.Task), CancellationToken.None)).ToArray();

        release.SetException(new InvalidOperationException("down"));
        foreach (var wait in waits)
        {
            Assert.Equal("down", (await Assert.ThrowsAsync<InvalidOperationException>(() => wait)).Message);
        }

        var next = await _sut.RunAsync("a", () => Call(Task.FromResult("again")), CancellationToken.None);

        Assert.Equal("again", next);
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task RunAsync_CallEnds_ForgetsTheKey()
    {
        var release = new TaskCompletionSource<string>();
        var wait = _sut.RunAsync("a", () => Call(release.Task), CancellationToken.None);
        var during = _sut.Count;

        release.SetResult("answer");
        await wait;

        Assert.Equal(1, during);
        Assert.Equal(0, _sut.Count);
    }

    [Fact]
    public async Task RunAsync_FlightOfAnOlderVersion_IsNotJoinedButReplaced()
    {
        var old = new TaskCompletionSource<string>();
        var before = _sut.RunAsync("a", 1, () => Call(old.Task), CancellationToken.None);

        var after = _sut.RunAsync("a", 2, () => Call(Task.FromResult("new")), CancellationToken.None);
        var joining = _sut.RunAsync("a", 2, () => Call(Task.FromResult("newer")), CancellationToken.None);
        old.SetResult("old");

        Assert.Equal("old", await before);
        Assert.Equal("new", await after);
        Assert.Equal("new", await joining);
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task RunAsync_OlderFlightEndsAfterItsReplacement_LeavesTheReplacementInFlight()
    {
        var old = new TaskCompletionSource<string>();
        var replacement = new TaskCompletionSource<string>();
        var before = _sut.RunAsync("a", 1, () => Call(old.Task), CancellationToken.None);
        var after = _sut.RunAsync("a", 2, () => Call(replacement.Task), CancellationToken.None);

        old.SetResult("old");
        await before;
        var joining = _sut.RunAsync("a", 2, () => Call(Task.FromResult("newer")), CancellationToken.None);
        replacement.SetResult("new");

        Assert.Equal("new", await after);
        Assert.Equal("new", await joining);
        Assert.Equal(2, _calls);
    }

    [Fact]
    public async Task JoinOrStart_SomeKeysInFlight_StartsOneCallForTheRest()
    {
        var release = new TaskCompletionSource<string>();
        var first = _sut.RunAsync("a", () => Call(release.Task), CancellationToken.None);
        IReadOnlyList<string>? asked = null;

        var flights = _sut.JoinOrStart([("a", 0), ("b", 0), ("c", 0)], keys =>
        {
            asked = keys;
            return Call(Task.FromResult("b and c"));
        });
        release.SetResult("a");
        var answers = await Task.WhenAll(flights);

        Assert.Equal(["b", "c"], asked);
        Assert.Equal(["a", "b and c"], answers.Order());
        Assert.Equal("a", await first);
        Assert.Equal(2, _calls);
    }

    Task<string> Call(Task<string> answer)
    {
        Interlocked.Increment(ref _calls);
        return answer;
    }
}
