using Gateway.Operations;
using Gateway.Operations.Console;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Operations.Console;

public sealed class ConsoleSessionsTests
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    ConsoleSessions Sessions(int max = 32) =>
        new(Options.Create(new OperationsOptions { MaxConsoleSessions = max, ConsoleSessionLifetime = TimeSpan.FromHours(1) }), _time);

    [Fact]
    public void IsLive_PastItsLifetime_IsFalse()
    {
        var sut = Sessions();
        var session = sut.Start();

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.True(sut.IsLive(session));
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(sut.IsLive(session));
    }

    [Fact]
    public void End_SignedOutSession_IsNoLongerLive()
    {
        var sut = Sessions();
        var session = sut.Start();

        sut.End(session);

        Assert.False(sut.IsLive(session));
    }

    [Fact]
    public void Start_PastMaxSessions_EndsTheOldest()
    {
        var sut = Sessions(max: 2);
        var first = sut.Start();
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = sut.Start();
        _time.Advance(TimeSpan.FromSeconds(1));
        var third = sut.Start();

        Assert.False(sut.IsLive(first));
        Assert.True(sut.IsLive(second));
        Assert.True(sut.IsLive(third));
    }

    [Fact]
    public void IsLive_UnknownOrMissingId_IsFalse()
    {
        var sut = Sessions();
        sut.Start();

        Assert.False(sut.IsLive(null));
        Assert.False(sut.IsLive("00"));
    }
}
