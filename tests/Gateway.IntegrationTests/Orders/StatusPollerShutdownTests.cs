using Gateway.Core.Redis;
using Gateway.IntegrationTests.Fixtures;
using StackExchange.Redis;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.Orders;

// One gateway process whose status round is stuck on a cloud ERP that answers in a minute: the orders of that round are
// leased to it for 20 s (four 5 s poll intervals). Stopped by SIGTERM, it gives them back, due at once, so another
// instance checks them at its next round instead of after the lease.
public sealed class StatusPollerShutdownTests
{
    const int Orders = 3;
    static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stopping_instance_gives_back_the_orders_of_its_status_round_it_has_not_checked()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync(appendOnly: true);
        // Orders stay open: the ERP moves none of them on during the test.
        await using var simulator = await SimulatorHost.StartAsync(SimulatorSettings(orderStepMs: 600_000, cloudRequestsPerSecond: 200));
        var settings = GatewaySettings(redis, simulator, cloudRequestsPerSecond: 200);
        settings["Orders:StatusPollInterval"] = PollInterval.ToString();
        settings["Erp:Cloud:AttemptTimeout"] = "00:01:00";
        settings["Erp:Cloud:TotalTimeout"] = "00:01:00";
        settings["Shutdown:DrainDelay"] = "00:00:00.100";
        var sample = await simulator.SampleAsync(skus: 5, customers: 10, _ct);
        var skus = await PackSizesAsync(simulator, sample.Skus);
        var customers = sample.Customers.Where(c => c.CreditStatus == "Ok").ToArray();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();

        await using var gateway = await GatewayProcess.StartAsync(settings, _ct);
        var orderIds = await PlaceOneLineOrdersAsync(gateway.Client, customers, skus, Orders, "PO-GIVEBACK-", _ct);

        Assert.Equal(Orders, await Eventually.WaitForAsync(() => SubmittedAsync(gateway.Client, orderIds, _ct), n => n == Orders, seconds: 30));
        await simulator.SetFaultsAsync("cloud", latencyMs: 60_000, cancellationToken: _ct);

        // Leased: due further ahead than a check would put it (one poll interval), so a round has taken every order.
        var leased = await Eventually.WaitForAsync(
            () => DueAsync(db, orderIds),
            due => due.All(d => d > DateTimeOffset.UtcNow + PollInterval + TimeSpan.FromSeconds(2)),
            seconds: 30);
        Assert.True(leased.All(d => d > DateTimeOffset.UtcNow + PollInterval), "the round never leased every order: " + string.Join(", ", leased));

        gateway.Terminate();
        Assert.Equal(0, await gateway.WaitForExitAsync(_ct).WaitAsync(TimeSpan.FromSeconds(40), _ct));

        var afterStop = DateTimeOffset.UtcNow;
        var due = await DueAsync(db, orderIds);
        Assert.True(due.All(d => d <= afterStop), $"still leased after the stop at {afterStop:O}: {string.Join(", ", due)}" + gateway.RecentOutput);
        await simulator.ClearFaultsAsync(_ct);
    }

    /// <summary>When each order is next due a status check (or long past, if it is no longer tracked).</summary>
    static async Task<IReadOnlyList<DateTimeOffset>> DueAsync(IDatabase db, IReadOnlyList<string> orderIds)
    {
        var due = new List<DateTimeOffset>();
        foreach (var orderId in orderIds)
        {
            var score = await db.SortedSetScoreAsync(RedisKeys.OpenOrders, orderId);
            due.Add(score is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : DateTimeOffset.MinValue);
        }

        return due;
    }
}
