using Gateway.Edge;
using Gateway.Edge.RateLimiting;

namespace Gateway.Tests.Edge.RateLimiting;

public sealed class LeaseSizingTests
{
    [Theory]
    [InlineData(50, 50, 1, 5)]
    [InlineData(50, 50, 2, 2)]
    [InlineData(1000, 2000, 4, 25)]
    [InlineData(5, 10, 1, 1)]
    [InlineData(1000, 3, 1, 3)]
    public void MaxLease_Plan_IsTenPercentOfRateSharedByInstances(int rate, int burst, int instances, int expected)
    {
        var sut = LeaseSizing.MaxLease(new PartnerPlan(rate, burst, 1_000_000), instances, fraction: 0.1);

        Assert.Equal(expected, sut);
    }

    [Fact]
    public void MaxLease_AllInstancesTogether_HoldAtMostTenPercentOfRate()
    {
        var plan = new PartnerPlan(50, 50, 1_000);

        for (var instances = 1; instances <= 5; instances++)
        {
            var sut = LeaseSizing.MaxLease(plan, instances, 0.1);
            Assert.True(sut * instances <= 5, $"{instances} instances x {sut} tokens exceed 10% of 50/s");
        }
    }

    [Fact]
    public void Next_LeaseFullySpent_Doubles()
    {
        Assert.Equal(4, LeaseSizing.Next(lastLease: 2, returned: 0, max: 5));
        Assert.Equal(5, LeaseSizing.Next(lastLease: 4, returned: 0, max: 5));
    }

    [Fact]
    public void Next_LeaseExpiredPartlyUnspent_ShrinksToWhatWasUsed()
    {
        Assert.Equal(1, LeaseSizing.Next(lastLease: 4, returned: 3, max: 5));
        Assert.Equal(1, LeaseSizing.Next(lastLease: 2, returned: 2, max: 5));
    }

    [Fact]
    public void Burst_PlanWithoutBurst_BurstsToItsRate()
    {
        Assert.Equal(20, LeaseSizing.Burst(new PartnerPlan(20, 0, 100)));
        Assert.Equal(30, LeaseSizing.Burst(new PartnerPlan(20, 30, 100)));
    }
}
