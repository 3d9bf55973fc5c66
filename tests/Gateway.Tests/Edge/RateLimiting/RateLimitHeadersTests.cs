using Gateway.Edge;
using Gateway.Edge.RateLimiting;

namespace Gateway.Tests.Edge.RateLimiting;

public sealed class RateLimitHeadersTests
{
    static readonly DateTimeOffset Evening = new(2025, 3, 14, 23, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Policy_Plan_NamesBurstAndDailyQuotas()
    {
        var sut = RateLimitHeaders.Policy(new PartnerPlan(100, 150, 100_000));

        Assert.Equal("\"burst\";q=100;w=1, \"daily\";q=100000;w=86400", sut);
    }

    [Fact]
    public void State_Admitted_GivesBothRemaindersAndTheDayReset()
    {
        var sut = RateLimitHeaders.State(new LimitDecision(LimitOutcome.Admitted, PlanLimit.Burst, 12, 99, TimeSpan.Zero), Evening);

        Assert.Equal("\"burst\";r=12;t=1, \"daily\";r=99;t=3600", sut);
    }

    [Fact]
    public void State_RefusedByDailyQuota_NamesOnlyTheDailyPolicy()
    {
        var sut = RateLimitHeaders.State(new LimitDecision(LimitOutcome.Refused, PlanLimit.Daily, 0, 0, TimeSpan.FromHours(1)), Evening);

        Assert.Equal("\"daily\";r=0;t=3600", sut);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(20, 1)]
    [InlineData(1000, 1)]
    [InlineData(1001, 2)]
    public void WholeSeconds_Wait_RoundsUpToAtLeastOne(int milliseconds, long expected)
    {
        Assert.Equal(expected, RateLimitHeaders.WholeSeconds(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
