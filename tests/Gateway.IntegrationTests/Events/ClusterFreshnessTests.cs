using Gateway.IntegrationTests.Caching;
using Gateway.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Events;

/// <summary>
/// Three gateway instances on one real Redis, the simulator posting its webhooks to all three: a change made in the
/// ERP is served fresh by every instance (polled with a deadline), each having served the old value from cache before;
/// a key missed by every instance at once, or refreshed by every instance after a change, costs one ERP call in all.
/// Run on one redis-server and on a Redis Cluster (the ledger, the stream and each entity's L2 keys in their own slots).
/// </summary>
public abstract class ClusterFreshnessTests(RedisKind kind) : IAsyncLifetime
{
    IRedisDeployment? _redis;
    readonly int[] _ports = [FreePorts.Next(), FreePorts.Next(), FreePorts.Next()];
    SimulatorHost? _simulatorHost;
    CacheTestHost[] _gateways = [];

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisDeployment.StartAsync(kind);
        _simulatorHost = await SimulatorHost.StartAsync(
            "Simulator:WebhookUrls=" + string.Join(',', _ports.Select(p => $"http://127.0.0.1:{p}/events/erp")),
            "Simulator:WebhookSecret=" + CacheTestHost.WebhookSecret);
        _gateways = await Task.WhenAll(_ports.Select(p => CacheTestHost.StartAsync(Simulator, _redis.ConnectionString, p)));
    }

    SimulatorHost Simulator => _simulatorHost ?? throw new InvalidOperationException("The simulator did not start.");

    // Whatever started is stopped, even when InitializeAsync failed half way: no redis-server outlives the run.
    public async ValueTask DisposeAsync()
    {
        try
        {
            foreach (var gateway in _gateways)
            {
                await gateway.DisposeAsync();
            }

            if (_simulatorHost is not null)
            {
                await _simulatorHost.DisposeAsync();
            }
        }
        finally
        {
            if (_redis is not null)
            {
                await _redis.DisposeAsync();
            }

            GC.SuppressFinalize(this);
        }
    }

    [Fact]
    public async Task Stock_change_is_served_fresh_by_every_instance()
    {
        var ct = TestContext.Current.CancellationToken;
        var sku = (await Simulator.SampleAsync(1, 1, ct)).Skus[0];
        var before = await Task.WhenAll(_gateways.Select(g => SimChanges.OnHandAsync(g, sku, "DAL")));
        var changed = before[0] + 137;

        await SimChanges.SetStockAsync(Simulator, sku, "DAL", changed);
        var after = await Task.WhenAll(_gateways.Select(g => Eventually.WaitForAsync(() => SimChanges.OnHandAsync(g, sku, "DAL"), v => v == changed)));

        Assert.All(before, v => Assert.Equal(before[0], v));
        Assert.All(after, v => Assert.Equal(changed, v));
    }

    [Fact]
    public async Task Contract_price_change_is_served_fresh_by_every_instance()
    {
        var ct = TestContext.Current.CancellationToken;
        var customer = (await Simulator.SampleAsync(1, 1, ct)).Customers[0];
        var sku = customer.ContractSkus[0];
        var before = await Task.WhenAll(_gateways.Select(g => SimChanges.UnitPriceAsync(g, customer.CustomerId, sku)));
        var changed = before[0] + 1.23m;

        await SimChanges.SetContractPriceAsync(Simulator, sku, customer.CustomerId, changed);
        var after = await Task.WhenAll(_gateways.Select(g => Eventually.WaitForAsync(() => SimChanges.UnitPriceAsync(g, customer.CustomerId, sku), v => v == changed)));

        Assert.All(after, v => Assert.Equal(changed, v));
    }

    [Fact]
    public async Task Cold_key_read_by_every_instance_at_once_costs_one_erp_call()
    {
        var ct = TestContext.Current.CancellationToken;
        var sku = (await Simulator.SampleAsync(1, 1, ct)).Skus[0];
        await Simulator.ResetStatsAsync(ct);

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => SimChanges.OnHandAsync(_gateways[i % 3], sku, "DAL")));
        var calls = (await Simulator.GetStatsAsync(ct)).Cloud.CallsOf("inventory.get");

        Assert.All(answers, v => Assert.Equal(answers[0], v));
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Change_refreshed_on_every_instance_costs_one_erp_call()
    {
        var ct = TestContext.Current.CancellationToken;
        var sku = (await Simulator.SampleAsync(1, 1, ct)).Skus[0];
        var before = await Task.WhenAll(_gateways.Select(g => SimChanges.OnHandAsync(g, sku, "DAL")));
        await Simulator.ResetStatsAsync(ct);
        var operationsBefore = _gateways.Select(CloudOperations).ToArray();

        await SimChanges.SetStockAsync(Simulator, sku, "DAL", before[0] + 11);
        var after = await Task.WhenAll(_gateways.Select(g => Eventually.WaitForAsync(() => SimChanges.OnHandAsync(g, sku, "DAL"), v => v == before[0] + 11)));
        var calls = (await Simulator.GetStatsAsync(ct)).Cloud.CallsOf("inventory.get");

        Assert.All(after, v => Assert.Equal(before[0] + 11, v));
        // Which instance asked, and whether any saw Redis away meanwhile: what a second call would come from.
        Assert.True(calls == 1, $"{calls} inventory.get calls; cloud operations per instance: "
            + string.Join(", ", _gateways.Select((g, i) => $"{CloudOperations(g) - operationsBefore[i]} (Redis {(g.Services.GetRequiredService<Gateway.Caching.CacheRedis>().LastError ?? "fine")})")));
    }

    static long CloudOperations(CacheTestHost gateway) =>
        gateway.Services.GetRequiredService<Gateway.Erp.Outbound.ErpStatus>().Current().Single(s => s.Erp == Gateway.Core.Erp.ErpSystem.Cloud).Recent.Operations;

    [Fact]
    public async Task Change_while_instances_wait_for_another_ones_fill_costs_one_more_erp_call_not_one_per_instance()
    {
        var ct = TestContext.Current.CancellationToken;
        var sku = (await Simulator.SampleAsync(1, 1, ct)).Skus[0];
        // The key is cold on every level (each test has its own Redis and instances); the change sets a value none holds.
        var changed = 40_000 + Random.Shared.Next(10_000);
        await Simulator.SetFaultsAsync("cloud", latencyMs: 1500, cancellationToken: ct);
        try
        {
            await Simulator.ResetStatsAsync(ct);
            // The first instance claims the key and asks the slow ERP; the other two find the claim and wait for its fill.
            var first = SimChanges.OnHandAsync(_gateways[0], sku, "DAL");
            await Eventually.HoldsAsync(async () => (await Simulator.GetStatsAsync(ct)).Cloud.Calls >= 1, ct);
            var waiting = _gateways[1..].Select(g => SimChanges.OnHandAsync(g, sku, "DAL")).ToArray();
            // Only an ordering aid (waiting before the change): arriving after it, they cost one ERP call between them too.
            await Task.Delay(300, ct);
            await SimChanges.SetStockAsync(Simulator, sku, "DAL", changed);
            await first;
            await Task.WhenAll(waiting);
            var after = await Task.WhenAll(_gateways.Select(g => Eventually.WaitForAsync(() => SimChanges.OnHandAsync(g, sku, "DAL"), v => v == changed)));
            var calls = (await Simulator.GetStatsAsync(ct)).Cloud.CallsOf("inventory.get");

            Assert.All(after, v => Assert.Equal(changed, v));
            // The fill the change made too old, and one fill of the new value that every instance serves.
            Assert.Equal(2, calls);
        }
        finally
        {
            await Simulator.ClearFaultsAsync(ct);
        }
    }
}

public sealed class ClusterFreshnessOnOneRedisTests() : ClusterFreshnessTests(RedisKind.OneServer);

public sealed class ClusterFreshnessOnRedisClusterTests() : ClusterFreshnessTests(RedisKind.Cluster);
