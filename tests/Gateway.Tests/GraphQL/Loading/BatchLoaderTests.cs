using Gateway.GraphQL.Loading;

namespace Gateway.Tests.GraphQL.Loading;

public sealed class BatchLoaderTests
{
    readonly List<IReadOnlyList<string>> _fetches = [];

    BatchLoader<string> Loader() => new(
        (keys, _) =>
        {
            _fetches.Add([.. keys]);
            return Task.FromResult<IReadOnlyDictionary<string, string>>(keys.Where(k => k != "missing").ToDictionary(k => k, k => "value of " + k));
        },
        CancellationToken.None);

    [Fact]
    public async Task Load_KeysAskedBeforeTheFirstAwait_FetchedInOneCall()
    {
        var sut = Loader();
        var results = new[] { "a", "b", "c" }.Select(sut.Load).ToArray();

        var values = await Task.WhenAll(results.Select(r => r.GetResultAsync(TestContext.Current.CancellationToken)));

        Assert.Equal(["value of a", "value of b", "value of c"], values);
        Assert.Equal([["a", "b", "c"]], _fetches);
    }

    [Fact]
    public async Task Load_SameKeyTwice_FetchedOnceAndAnsweredFromTheFirstFetchLater()
    {
        var sut = Loader();
        var first = sut.Load("a");
        var again = sut.Load("a");
        await first.GetResultAsync(TestContext.Current.CancellationToken);

        var later = await sut.Load("a").GetResultAsync(TestContext.Current.CancellationToken);

        Assert.Equal("value of a", await again.GetResultAsync(TestContext.Current.CancellationToken));
        Assert.Equal("value of a", later);
        Assert.Single(_fetches);
    }

    [Fact]
    public async Task Load_KeysAskedAfterADispatch_GoToTheNextFetch()
    {
        var sut = Loader();
        await sut.Load("a").GetResultAsync(TestContext.Current.CancellationToken);

        var b = sut.Load("b");
        var c = sut.Load("c");
        await b.GetResultAsync(TestContext.Current.CancellationToken);
        await c.GetResultAsync(TestContext.Current.CancellationToken);

        Assert.Equal([["a"], ["b", "c"]], _fetches);
    }

    [Fact]
    public async Task Load_KeyAbsentFromTheAnswer_LoadsNull()
    {
        var sut = Loader();

        Assert.Null(await sut.Load("missing").GetResultAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Load_FetchFails_EveryKeyOfTheBatchSeesTheFailure()
    {
        var sut = new BatchLoader<string>((_, _) => Task.FromException<IReadOnlyDictionary<string, string>>(new TimeoutException()), CancellationToken.None);
        var a = sut.Load("a");
        var b = sut.Load("b");

        await Assert.ThrowsAsync<TimeoutException>(() => a.GetResultAsync(TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<TimeoutException>(() => b.GetResultAsync(TestContext.Current.CancellationToken));
    }
}
