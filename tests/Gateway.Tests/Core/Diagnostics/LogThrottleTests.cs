using Gateway.Core.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Core.Diagnostics;

public sealed class LogThrottleTests
{
    [Fact]
    public void ShouldLog_FirstOccurrence_LogsWithNothingLeftOut()
    {
        var sut = new LogThrottle(new FakeTimeProvider(), TimeSpan.FromSeconds(5));

        Assert.True(sut.ShouldLog(out var leftOut));
        Assert.Equal(0, leftOut);
    }

    [Fact]
    public void ShouldLog_WithinTheInterval_LeavesOutAndCountsForTheNextLine()
    {
        var time = new FakeTimeProvider();
        var sut = new LogThrottle(time, TimeSpan.FromSeconds(5));
        sut.ShouldLog(out _);

        var logged = Enumerable.Range(0, 1000).Count(i => sut.ShouldLog(out _));
        time.Advance(TimeSpan.FromSeconds(4.9));
        var stillQuiet = sut.ShouldLog(out _);
        time.Advance(TimeSpan.FromSeconds(0.2));
        var next = sut.ShouldLog(out var leftOut);

        Assert.Equal(0, logged);
        Assert.False(stillQuiet);
        Assert.True(next);
        Assert.Equal(1001, leftOut);
    }

    [Fact]
    public async Task ShouldLog_ManyThreadsAtOnce_OneLineAndEveryOtherCounted()
    {
        var time = new FakeTimeProvider();
        var sut = new LogThrottle(time, TimeSpan.FromSeconds(5));
        var lines = 0;

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                if (sut.ShouldLog(out _))
                {
                    Interlocked.Increment(ref lines);
                }
            }
        }, TestContext.Current.CancellationToken)));
        time.Advance(TimeSpan.FromSeconds(5));
        sut.ShouldLog(out var leftOut);

        Assert.Equal(1, lines);
        Assert.Equal(79_999, leftOut);
    }
}
