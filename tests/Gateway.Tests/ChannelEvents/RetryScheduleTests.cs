using Gateway.ChannelEvents;
using Gateway.ChannelEvents.Delivery;

namespace Gateway.Tests.ChannelEvents;

public sealed class RetryScheduleTests
{
    static readonly WebhooksOptions Options = new() { FirstRetryDelay = TimeSpan.FromSeconds(5), MaxRetryDelay = TimeSpan.FromMinutes(1), RetryPeriod = TimeSpan.FromHours(1) };

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(5, 60)]
    [InlineData(40, 60)]
    public void DelayAfter_NoJitterDraw_DoublesUpToTheMaximum(int attempts, int fullSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(fullSeconds), RetrySchedule.DelayAfter(attempts, Options, random: 1));
        Assert.Equal(TimeSpan.FromSeconds(fullSeconds / 2.0), RetrySchedule.DelayAfter(attempts, Options, random: 0));
    }

    [Fact]
    public void Failed_Twice_KeepsTheFirstFailureAndCounts()
    {
        var start = DateTimeOffset.UnixEpoch;
        var first = RetrySchedule.Failed(null, "1-0", start, Options);

        var sut = RetrySchedule.Failed(first, "1-0", start.AddSeconds(10), Options);

        Assert.Equal(2, sut.Attempts);
        Assert.Equal(start, sut.FirstFailedAt);
        Assert.False(RetrySchedule.IsDead(sut, start.AddMinutes(59), Options));
        Assert.True(RetrySchedule.IsDead(sut, start.AddHours(1), Options));
    }
}
