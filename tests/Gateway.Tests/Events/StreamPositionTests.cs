using Gateway.Events;

namespace Gateway.Tests.Events;

public sealed class StreamPositionTests
{
    [Theory]
    [InlineData("1700000000000-0", "1700000000000-1")]
    [InlineData("1700000000000-9", "1700000000001-0")]
    [InlineData("999-5", "1000-0")]
    public void CompareTo_TwoIds_OrdersThemAsRedisDoes(string earlier, string later)
    {
        Assert.True(StreamPosition.TryParse(earlier, out var a));
        Assert.True(StreamPosition.TryParse(later, out var b));

        Assert.True(a < b);
        Assert.True(b > a);
        Assert.Equal(later, b.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1700000000000")]
    [InlineData("-1")]
    [InlineData("abc-1")]
    [InlineData("1-x")]
    public void TryParse_NotAStreamId_IsRefused(string? id) => Assert.False(StreamPosition.TryParse(id, out _));
}
