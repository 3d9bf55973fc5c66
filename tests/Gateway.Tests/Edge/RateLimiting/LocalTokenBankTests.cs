using Gateway.Edge;
using Gateway.Edge.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Edge.RateLimiting;

public sealed class LocalTokenBankTests
{
    static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);
    readonly FakeTimeProvider _time = new(Noon);

    static TokenRequest Want(int tokens, PartnerPlan plan, DateOnly? day = null) =>
        new("partner:p1", plan, tokens, day ?? DateOnly.FromDateTime(Noon.UtcDateTime));

    [Fact]
    public void Lease_FullBucket_GrantsAtMostTheBurst()
    {
        var sut = new LocalTokenBank(_time);
        var plan = new PartnerPlan(10, 15, 1_000);

        var first = sut.Lease(Want(10, plan), share: 1);
        var second = sut.Lease(Want(10, plan), share: 1);

        Assert.Equal(10, first.Granted);
        Assert.Equal(5, second.Granted);
        Assert.Equal(0, second.BucketRemaining);
    }

    [Fact]
    public void Lease_EmptyBucket_RefusesWithTheTimeToTheNextToken()
    {
        var sut = new LocalTokenBank(_time);
        var plan = new PartnerPlan(10, 10, 1_000);
        sut.Lease(Want(10, plan), share: 1);

        var refused = sut.Lease(Want(1, plan), share: 1);

        Assert.Equal(0, refused.Granted);
        Assert.False(refused.DayExhausted);
        Assert.Equal(TimeSpan.FromMilliseconds(100), refused.RetryAfter);
    }

    [Fact]
    public void Lease_AfterOneSecond_RefillsAtThePlanRate()
    {
        var sut = new LocalTokenBank(_time);
        var plan = new PartnerPlan(10, 10, 1_000);
        sut.Lease(Want(10, plan), share: 1);

        _time.Advance(TimeSpan.FromSeconds(1));
        var refilled = sut.Lease(Want(100, plan), share: 1);

        Assert.Equal(10, refilled.Granted);
    }

    [Fact]
    public void Lease_DailyQuotaSpent_RefusesUntilTheNextUtcDay()
    {
        var sut = new LocalTokenBank(_time);
        var plan = new PartnerPlan(100, 100, 3);
        var today = DateOnly.FromDateTime(Noon.UtcDateTime);

        Assert.Equal(3, sut.Lease(Want(10, plan, today), share: 1).Granted);
        var refused = sut.Lease(Want(1, plan, today), share: 1);
        var tomorrow = sut.Lease(Want(1, plan, today.AddDays(1)), share: 1);

        Assert.True(refused.DayExhausted);
        Assert.Equal(1, tomorrow.Granted);
    }

    [Fact]
    public void Lease_ShareOfTwo_EnforcesHalfThePlan()
    {
        var sut = new LocalTokenBank(_time);
        var plan = new PartnerPlan(50, 50, 10);

        var burst = sut.Lease(Want(100, plan), share: 2);

        Assert.Equal(5, burst.Granted);
        Assert.True(sut.Lease(Want(1, plan), share: 2).DayExhausted);
    }

    [Fact]
    public void Lease_ReturnedTokens_GoBackToTheBucketAndTheDay()
    {
        var sut = new LocalTokenBank(_time);
        var plan = new PartnerPlan(10, 10, 10);
        var today = DateOnly.FromDateTime(Noon.UtcDateTime);
        sut.Lease(Want(10, plan), share: 1);

        var again = sut.Lease(new TokenRequest("partner:p1", plan, 4, today, Returned: 4, ReturnedDay: today), share: 1);

        Assert.Equal(4, again.Granted);
        Assert.Equal(0, again.DayRemaining);
    }

    [Fact]
    public void Lease_OtherCaller_HasItsOwnBucket()
    {
        var sut = new LocalTokenBank(_time);
        var plan = new PartnerPlan(5, 5, 100);
        sut.Lease(Want(5, plan), share: 1);

        var other = sut.Lease(Want(5, plan) with { CallerId = "partner:p2" }, share: 1);

        Assert.Equal(5, other.Granted);
    }
}
