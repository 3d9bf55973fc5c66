using Gateway.Core.Redis;
using Gateway.Edge;
using Gateway.Edge.RateLimiting;
using Gateway.Erp.Redis;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Edge.RateLimiting;

public sealed class PartnerAllowanceTests
{
    static readonly DateTimeOffset Noon = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);
    readonly FakeTimeProvider _time = new(Noon);
    readonly EdgeLimitsOptions _options = new();

    /// <summary>Counts the leases that reach the bank: each stands for a Redis round trip.</summary>
    sealed class CountingBank(ITokenBank inner) : ITokenBank
    {
        public int Calls { get; private set; }

        public TokenRequest Last { get; private set; }

        public ValueTask<TokenGrant> LeaseAsync(TokenRequest request)
        {
            Calls++;
            Last = request;
            return inner.LeaseAsync(request);
        }
    }

    PartnerAllowance Allowance(PartnerPlan plan, ITokenBank bank, int instances = 1) =>
        new("partner:p1", plan, bank, new ClusterMembership(new RedisConnection(null), new MembershipOptions { ExpectedInstances = instances }.Settings(), _time), _options, _time);

    static async Task<LimitDecision> TakeAsync(PartnerAllowance sut)
    {
        var decision = sut.TryTake();
        return decision.Outcome == LimitOutcome.NeedsLease ? await sut.TakeAsync(TestContext.Current.CancellationToken) : decision;
    }

    /// <summary>A bank whose answers wait for the test to release them, and then still arrive late, like Redis under load.</summary>
    sealed class GatedBank(ITokenBank inner) : ITokenBank
    {
        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<TokenGrant> LeaseAsync(TokenRequest request)
        {
            await Open.Task;
            await Task.Delay(1);       // every answer comes later, so waiters pile up behind each lease
            return await inner.LeaseAsync(request);
        }
    }

    [Fact]
    public async Task TakeAsync_ManyWaitingOnSlowLease_AdmitsEveryoneWithinThePlan()
    {
        var bank = new GatedBank(new LocalTokenBank(_time));
        var sut = Allowance(new PartnerPlan(10_000, 10_000, 1_000_000), bank);

        // 64 requests arrive while the first lease (of one token) is still on its way: the next lease must cover them
        // all, or the losers of the race are refused although the plan has room for a hundred times more.
        var waiting = Enumerable.Range(0, 64).Select(_ => TakeAsync(sut)).ToArray();
        bank.Open.SetResult();
        var decisions = await Task.WhenAll(waiting);

        Assert.All(decisions, d => Assert.Equal(LimitOutcome.Admitted, d.Outcome));
    }

    [Fact]
    public void TryTake_NothingLeasedYet_NeedsLease()
    {
        var sut = Allowance(new PartnerPlan(100, 100, 1_000), new LocalTokenBank(_time));

        Assert.Equal(LimitOutcome.NeedsLease, sut.TryTake().Outcome);
    }

    [Fact]
    public async Task TakeAsync_SteadyTraffic_LeasesInGrowingBatchesUpToTenPercent()
    {
        var bank = new CountingBank(new LocalTokenBank(_time));
        var sut = Allowance(new PartnerPlan(100, 100, 100_000), bank);

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(LimitOutcome.Admitted, (await TakeAsync(sut)).Outcome);
        }

        // Leases of 1, 2, 4, 8, 10, 10, ...: 100 requests cost 13 round trips, not 100.
        Assert.Equal(13, bank.Calls);
        Assert.Equal(10, bank.Last.Want);
    }

    [Fact]
    public async Task TakeAsync_LeaseExpiredUnspent_ReturnsTheRestWithTheNextLease()
    {
        var bank = new CountingBank(new LocalTokenBank(_time));
        var sut = Allowance(new PartnerPlan(100, 100, 100_000), bank);
        await TakeAsync(sut);
        await TakeAsync(sut); // the second lease holds 2 tokens: one is left

        _time.Advance(_options.LeaseLifetime);
        await TakeAsync(sut);

        Assert.Equal(1, bank.Last.Returned);
        Assert.Equal(1, bank.Last.Want);
    }

    [Fact]
    public async Task TryTake_AfterRefusal_RepeatsItWithoutAskingTheBankUntilRetryAfter()
    {
        var bank = new CountingBank(new LocalTokenBank(_time));
        var sut = Allowance(new PartnerPlan(10, 1, 100_000), bank);
        await TakeAsync(sut);
        var refused = await TakeAsync(sut);
        var calls = bank.Calls;

        var repeated = sut.TryTake();
        _time.Advance(refused.RetryAfter);
        var later = await TakeAsync(sut);

        Assert.Equal(LimitOutcome.Refused, refused.Outcome);
        Assert.Equal(LimitOutcome.Refused, repeated.Outcome);
        Assert.Equal(calls + 1, bank.Calls);
        Assert.Equal(LimitOutcome.Admitted, later.Outcome);
    }

    [Fact]
    public async Task TakeAsync_DailyQuotaSpent_RefusedAsDailyUntilMidnightUtc()
    {
        var sut = Allowance(new PartnerPlan(100, 100, 2), new LocalTokenBank(_time));
        await TakeAsync(sut);
        await TakeAsync(sut);

        var refused = await TakeAsync(sut);
        _time.Advance(refused.RetryAfter);
        var nextDay = await TakeAsync(sut);

        Assert.Equal(PlanLimit.Daily, refused.Limit);
        Assert.Equal(TimeSpan.FromHours(12), refused.RetryAfter);
        Assert.Equal(LimitOutcome.Admitted, nextDay.Outcome);
    }

    [Fact]
    public async Task TakeAsync_TwoInstancesSharingOneBucket_StayWithinLeaseBoundOfExactBucket()
    {
        // The shared LocalTokenBank plays Redis; two allowances play two instances flooding one partner.
        var plan = new PartnerPlan(RequestsPerSecond: 50, Burst: 50, DailyQuota: 1_000_000);
        var shared = new LocalTokenBank(_time);
        PartnerAllowance[] instances = [Allowance(plan, shared, instances: 2), Allowance(plan, shared, instances: 2)];
        var admitted = 0;

        for (var step = 0; step < 2_000; step++)
        {
            foreach (var instance in instances)
            {
                for (var attempt = 0; attempt < 3; attempt++)
                {
                    admitted += (await TakeAsync(instance)).Outcome == LimitOutcome.Admitted ? 1 : 0;
                }
            }

            _time.Advance(TimeSpan.FromMilliseconds(5));
        }

        // Exact bucket over 10 s: burst 50 + 50/s x 10 s = 550 (the last step's refill is not offered).
        var exact = 50 + (50 * 10);
        var bound = 2 * LeaseSizing.MaxLease(plan, 2, 0.1);
        TestContext.Current.TestOutputHelper?.WriteLine($"admitted {admitted}, exact bucket {exact}, bound ±{bound}");
        Assert.InRange(admitted, exact - bound - 1, exact + bound);
    }
}
