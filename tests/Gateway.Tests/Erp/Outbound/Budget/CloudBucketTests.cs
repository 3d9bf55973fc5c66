using Gateway.Core.Erp;
using Gateway.Erp.Cloud;
using Gateway.Erp.Outbound.Budget;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Erp.Outbound.Budget;

/// <summary>
/// The cloud budget the gateway plans from the ERP's quota, against the ERP's own token bucket, when requests do not
/// reach the ERP in the order and at the pace they left: a stall holds back everything sent during it and releases it
/// at once.
/// </summary>
public sealed class CloudBucketTests
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(20, 40, 1000)]
    [InlineData(20, 40, 500)]
    [InlineData(20, 20, 1000)]
    [InlineData(100, 300, 250)]
    public void CloudBucket_StallOfTheArrivalJitter_HeldBackRequestsStillFindTokensInTheErpsBucket(int quota, int burst, int jitterMs)
    {
        var options = new CloudErpOptions
        {
            RequestsPerSecond = quota,
            Burst = burst,
            ArrivalJitter = TimeSpan.FromMilliseconds(jitterMs),
            QueueTimeout = TimeSpan.FromSeconds(10),
            MaxQueueLength = 100_000,
        };
        var (rate, plannedBurst) = ErpBudgets.CloudBucket(options);
        // The worst moment: the gateway's bucket full, the ERP's too, and everything sent during the stall arriving together.
        using var budget = new TokenBucketBudget(ErpSystem.Cloud, rate, plannedBurst, options, _time, startFull: true);
        var erp = new ErpBucket(quota, burst);

        var sent = SendAsFastAsAllowed(budget, TimeSpan.FromSeconds(5));
        var refused = 0;
        foreach (var arrival in sent.Select(at => at < options.ArrivalJitter ? options.ArrivalJitter : at).Order())
        {
            refused += erp.TryTake(arrival) ? 0 : 1;
        }

        Assert.True(sent.Count(at => at < options.ArrivalJitter) > plannedBurst, "the stall held back more than the burst");
        Assert.Equal(0, refused);
    }

    [Fact]
    public void CloudBucket_SimulatorsQuota_PlansNineTenthsOfItsRateAndABurstClearOfASecondsJitter()
    {
        var (rate, burst) = ErpBudgets.CloudBucket(new CloudErpOptions());

        Assert.Equal(18, rate, 6);
        Assert.Equal(22, burst);
    }

    /// <summary>Asks the budget for a token whenever the last one was granted, for <paramref name="duration"/>: when each left.</summary>
    List<TimeSpan> SendAsFastAsAllowed(TokenBucketBudget budget, TimeSpan duration)
    {
        var start = _time.GetUtcNow();
        var sent = new List<TimeSpan>();
        var asking = budget.Ask();
        for (var now = TimeSpan.Zero; now <= duration; now += TimeSpan.FromMilliseconds(1))
        {
            while (asking.IsCompleted)
            {
                Assert.True(asking.Settled().IsAcquired, "the budget refused a single waiting call");
                sent.Add(_time.GetUtcNow() - start);
                asking = budget.Ask();
            }

            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        return sent;
    }

    /// <summary>The ERP's quota as the contract describes it: <c>rate</c> tokens a second up to <c>burst</c>, full at first.</summary>
    sealed class ErpBucket(double rate, double burst)
    {
        readonly double _burst = burst;
        double _tokens = burst;
        TimeSpan _at;

        public bool TryTake(TimeSpan now)
        {
            _tokens = Math.Min(_burst, _tokens + ((now - _at).TotalSeconds * rate));
            _at = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }
}
