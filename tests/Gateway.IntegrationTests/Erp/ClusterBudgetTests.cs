using Gateway.Core.Erp;
using Gateway.Erp.Outbound.Budget.Cluster;
using Gateway.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Gateway.IntegrationTests.Erp;

/// <summary>
/// Several gateway instances (separate service providers) on one Redis share each ERP's quota: together they never make
/// the cloud ERP throttle nor open more than the legacy ERP's four sessions; without Redis each keeps to its own share.
/// </summary>
[Collection(SharedSimulator.Name)]
public sealed class ClusterBudgetTests(SimulatorHost simulator)
{
    [Theory]
    [MemberData(nameof(RedisDeployment.Both), MemberType = typeof(RedisDeployment))]
    public async Task Three_instances_hammering_stock_together_never_push_the_cloud_erp_over_its_quota(RedisKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisDeployment.StartAsync(kind);
        var sample = await simulator.SampleAsync(180, 1, ct);
        var instances = Enumerable.Range(0, 3).Select(_ => Instance(ErpSystem.Cloud, redis)).ToArray();
        await WaitUntilAllSeeEachOtherAsync(instances, ct);
        await simulator.RestCloudQuotaAsync(ct);
        await simulator.ResetStatsAsync(ct);
        await simulator.SetFaultsAsync("cloud", latencyMs: 20, cancellationToken: ct);
        try
        {
            var tallies = await Task.WhenAll(instances.Select((sut, i) => Hammer.RunAsync(
                60, TimeSpan.FromSeconds(3), (caller, _, token) => sut.Stock.GetStockAsync([sample.Skus[(i * 60) + caller]], token), ct)));

            var stats = await simulator.GetStatsAsync(ct);
            TestContext.Current.TestOutputHelper?.WriteLine($"cloud x3: {string.Join(" | ", tallies.Select(t => t.ToString()))}; ERP saw {stats.Cloud.Calls} calls, {stats.Cloud.Throttled} throttled");
            Assert.All(tallies, OverloadTests.AssertEveryCallEnded);
            Assert.All(instances, sut => Assert.Equal("redis", sut.Pipeline.Budget.Snapshot().Coordination));
            Assert.Equal(0, stats.Cloud.Throttled);
            Assert.Equal(tallies.Sum(t => t.Answers), stats.Cloud.Calls);
        }
        finally
        {
            await simulator.ClearFaultsAsync(ct);
            await simulator.RestCloudQuotaAsync(ct);   // the next test of the collection finds the cloud ERP's quota as this one did
            await DisposeAllAsync(instances);
        }
    }

    [Theory]
    [MemberData(nameof(RedisDeployment.Both), MemberType = typeof(RedisDeployment))]
    public async Task Three_instances_hammering_stock_together_never_open_more_than_the_legacy_erps_four_sessions(RedisKind kind)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = await RedisDeployment.StartAsync(kind);
        var sample = await simulator.SampleAsync(180, 1, ct);
        var instances = Enumerable.Range(0, 3).Select(_ => Instance(ErpSystem.Legacy, redis)).ToArray();
        await WaitUntilAllSeeEachOtherAsync(instances, ct);
        await simulator.ResetStatsAsync(ct);
        await simulator.SetFaultsAsync("legacy", latencyMs: 20, cancellationToken: ct);
        try
        {
            var tallies = await Task.WhenAll(instances.Select((sut, i) => Hammer.RunAsync(
                60, TimeSpan.FromSeconds(3), (caller, _, token) => sut.Stock.GetStockAsync([sample.Skus[(i * 60) + caller]], token), ct)));

            var stats = await simulator.GetStatsAsync(ct);
            TestContext.Current.TestOutputHelper?.WriteLine($"legacy x3: {string.Join(" | ", tallies.Select(t => t.ToString()))}; ERP saw {stats.Legacy.Calls} calls, {stats.Legacy.BusyFaults} busy, max {stats.Legacy.MaxConcurrency}");
            Assert.All(tallies, OverloadTests.AssertEveryCallEnded);
            Assert.Equal(0, stats.Legacy.BusyFaults);
            Assert.InRange(stats.Legacy.MaxConcurrency, 1, 4);
            Assert.Equal(tallies.Sum(t => t.Answers), stats.Legacy.Calls);
        }
        finally
        {
            await simulator.ClearFaultsAsync(ct);
            await DisposeAllAsync(instances);
        }
    }

    [Fact]
    public async Task Redis_stopped_mid_run_leaves_each_instance_its_share_and_the_budget_returns_to_redis_when_it_is_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var sample = await simulator.SampleAsync(100, 1, ct);
        var instances = Enumerable.Range(0, 2).Select(_ => Instance(ErpSystem.Cloud, redis)).ToArray();
        await WaitUntilAllSeeEachOtherAsync(instances, ct);
        await simulator.RestCloudQuotaAsync(ct);
        await simulator.ResetStatsAsync(ct);
        await simulator.SetFaultsAsync("cloud", latencyMs: 20, cancellationToken: ct);
        try
        {
            var tallies = instances.Select(_ => new Tally()).ToArray();
            var runs = instances.Select((sut, i) => Hammer.RunAsync(
                50, TimeSpan.FromSeconds(4), (caller, _, token) => sut.Stock.GetStockAsync([sample.Skus[(i * 50) + caller]], token), ct, tallies[i])).ToArray();
            await WaitUntilAsync(() => tallies.Sum(t => t.Answers) >= 30, ct);
            await redis.StopAsync();
            var answeredWithRedis = tallies.Sum(t => t.Answers);
            await Task.WhenAll(runs);

            var stats = await simulator.GetStatsAsync(ct);
            TestContext.Current.TestOutputHelper?.WriteLine($"redis stopped after {answeredWithRedis} answers: {string.Join(" | ", tallies.Select(t => t.ToString()))}; ERP throttled {stats.Cloud.Throttled}");
            Assert.All(tallies, OverloadTests.AssertEveryCallEnded);
            Assert.True(tallies.Sum(t => t.Answers) > answeredWithRedis, "calls should go on being answered without Redis");
            Assert.All(instances, sut => Assert.Equal("local (redis unreachable)", sut.Pipeline.Budget.Snapshot().Coordination));
            Assert.InRange(stats.Cloud.Throttled, 0, 2);

            await redis.StartAsync();
            await WaitUntilAsync(() => instances.All(sut => sut.Pipeline.Budget.Snapshot().Coordination == "redis"), ct);
        }
        finally
        {
            await simulator.ClearFaultsAsync(ct);
            await simulator.RestCloudQuotaAsync(ct);   // the next test of the collection finds the cloud ERP's quota as this one did
            await DisposeAllAsync(instances);
        }
    }

    [Fact]
    public async Task An_instance_keeps_its_share_of_leased_tokens_so_its_erp_calls_seldom_wait_for_redis()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var sample = await simulator.SampleAsync(12, 1, ct);
        // No heartbeat during the calls, so every script Redis runs meanwhile is a lease.
        await using var sut = ConnectorsHost.Start(simulator, ErpSystem.Cloud, new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Erp:Cloud:CoalescingWindow"] = "00:00:00",
            ["Membership:HeartbeatInterval"] = "00:01:00",
        });
        await WaitUntilAllSeeEachOtherAsync([sut], ct);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",allowAdmin=true");
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var scriptsBefore = await ScriptsRunAsync(server);
        await simulator.ResetStatsAsync(ct);

        foreach (var sku in sample.Skus)
        {
            await sut.Stock.GetStockAsync([sku], ct);
        }

        var calls = (await simulator.GetStatsAsync(ct)).Cloud.Calls;
        var leases = await ScriptsRunAsync(server) - scriptsBefore;
        TestContext.Current.TestOutputHelper?.WriteLine($"{calls} ERP calls, {leases} leases");
        // One instance may hold m = floor(0.25 × 22) = 5 tokens (22: the planned burst, see ErpBudgets.CloudBucket): the
        // first call leases five, the fifth spends the last and tops the pool up in the background, and so does the
        // tenth: three leases. A lease per call would be 12 of them; the bound leaves room for one lease that lands late.
        Assert.True(calls >= sample.Skus.Count, $"every read should have reached the ERP ({calls} calls)");
        Assert.InRange(leases, 1, calls / 3);
        Assert.Equal("redis", sut.Pipeline.Budget.Snapshot().Coordination);
        Assert.InRange(sut.Pipeline.Budget.Snapshot().Available, 0, 5);
    }

    /// <summary>Lua scripts Redis has run (EVAL and EVALSHA), from its command statistics.</summary>
    static async Task<long> ScriptsRunAsync(IServer server)
    {
        var stats = (await server.InfoAsync("commandstats")).SelectMany(section => section)
            .Where(stat => stat.Key is "cmdstat_eval" or "cmdstat_evalsha");
        return stats.Sum(stat => long.Parse(stat.Value.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    ConnectorsHost Instance(ErpSystem erp, IRedisDeployment redis) => ConnectorsHost.Start(simulator, erp, new Dictionary<string, string?>
    {
        ["ConnectionStrings:Redis"] = redis.ConnectionString,
        [$"Erp:{erp}:CoalescingWindow"] = "00:00:00",
        ["Membership:HeartbeatInterval"] = "00:00:00.200",
    });

    /// <summary>Leases are sized by the live instances: a run starts once every instance has heard of all the others.</summary>
    static Task WaitUntilAllSeeEachOtherAsync(ConnectorsHost[] instances, CancellationToken cancellationToken) =>
        WaitUntilAsync(
            // Every instance's budget is created (and starts its heartbeat) before any is asked whether it sees the others.
            () => instances.Select(sut => sut.Pipeline.Budget).ToArray().Length > 0 && instances.All(sut => sut.Pipeline.Budget.Snapshot().Coordination == "redis" && sut.Services.GetRequiredService<ErpCluster>().Instances == instances.Length),
            cancellationToken);

    static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not come true within 20 s");
            await Task.Delay(20, cancellationToken);
        }
    }

    static async Task DisposeAllAsync(IEnumerable<ConnectorsHost> instances)
    {
        foreach (var instance in instances)
        {
            await instance.DisposeAsync();
        }
    }
}
