using System.Globalization;
using Gateway.IntegrationTests.Fixtures;
using StackExchange.Redis;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.Orders;

// Two gateway processes on one Redis, with the shipped claim and back-off settings. Orders accepted by one of them wait
// for the cloud ERP (in outage) in that instance's hands; the instance keeps them through an outage longer than the
// claim idle, then is killed with SIGKILL. The other instance takes them over and the ERP holds each exactly once.
public sealed class HandOffTakeoverTests
{
    const int Orders = 12;
    const string Group = "handoff";

    /// <summary>Longer than the default claim idle (5 s) twice over: without renewals the other instance would take over.</summary>
    static readonly TimeSpan HeldThroughOutage = TimeSpan.FromSeconds(11);

    readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hand_offs_of_a_killed_instance_are_taken_over_by_a_live_one_and_reach_the_erp_once()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync(appendOnly: true);
        await using var simulator = await SimulatorHost.StartAsync(SimulatorSettings(orderStepMs: 300, cloudRequestsPerSecond: 200));
        var settings = GatewaySettings(redis, simulator, cloudRequestsPerSecond: 200);
        settings.Remove("Orders:HandOffClaimIdle");
        settings.Remove("Orders:RetryBackoffMax");
        settings["Erp:Cloud:BreakDuration"] = "00:00:01";
        // Room for every order at once, so each is in the victim's hands (not still unread in the stream) when it dies.
        settings["Orders:HandOffConcurrency"] = "16";
        var sample = await simulator.SampleAsync(skus: 10, customers: 20, _ct);
        var skus = await PackSizesAsync(simulator, sample.Skus);
        var customers = sample.Customers.Where(c => c.CreditStatus == "Ok").ToArray();
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var db = connection.GetDatabase();

        await simulator.SetFaultsAsync("cloud", outage: true, cancellationToken: _ct);
        await using var victim = await GatewayProcess.StartAsync(settings, _ct);
        var orderIds = await PlaceOneLineOrdersAsync(victim.Client, customers, skus, Orders, "PO-TAKEOVER-", _ct);

        var stream = await HandOffStreamAsync(connection);
        var held = await Eventually.WaitForAsync(() => PendingAsync(db, stream), p => p.Count == Orders && p.All(m => IsOf(victim, m)), seconds: 30);
        Assert.True(held.Count == Orders && held.All(m => IsOf(victim, m)), victim.RecentOutput);

        await using var survivor = await GatewayProcess.StartAsync(settings, _ct);
        var outageEnds = DateTime.UtcNow + HeldThroughOutage;
        while (DateTime.UtcNow < outageEnds)
        {
            // The outage's length is part of the scenario: all along, the live victim keeps what it holds.
            var pending = await PendingAsync(db, stream);
            Assert.Equal(Orders, pending.Count);
            Assert.All(pending, m => Assert.True(IsOf(victim, m) && m.DeliveryCount == 1, $"{m.MessageId} is with {m.ConsumerName}, delivered {m.DeliveryCount} times"));
            await Task.Delay(250, _ct);
        }

        victim.Kill();
        await simulator.ClearFaultsAsync(_ct);

        // Twice the 10 s a takeover may take: generous for a loaded machine, yet short of the 30 s claims used to last.
        var submitted = await Eventually.WaitForAsync(() => SubmittedAsync(survivor.Client, orderIds, _ct), n => n == Orders, seconds: 20);
        Assert.True(submitted == Orders, $"{submitted} of {Orders} submitted{Environment.NewLine}{survivor.RecentOutput}");
        foreach (var orderId in orderIds)
        {
            Assert.Single(await ErpOrdersAsync(simulator, orderId, _ct));
        }

        Assert.Equal(Orders, (await simulator.GetStatsAsync(_ct)).OrdersCreated);
        Assert.Empty(await Eventually.WaitForAsync(() => PendingAsync(db, stream), p => p.Count == 0));
    }

    /// <summary>The orders' hand-off stream, found by its type and name rather than by a key layout the test would copy.</summary>
    internal static async Task<RedisKey> HandOffStreamAsync(IConnectionMultiplexer connection)
    {
        var server = connection.GetServers()[0];
        await foreach (var key in server.KeysAsync(pattern: "*handoff*"))
        {
            if (await connection.GetDatabase().KeyTypeAsync(key) == RedisType.Stream)
            {
                return key;
            }
        }

        throw new InvalidOperationException("No hand-off stream in Redis.");
    }

    internal static async Task<IReadOnlyList<StreamPendingMessageInfo>> PendingAsync(IDatabase db, RedisKey stream) =>
        await db.StreamPendingMessagesAsync(stream, Group, count: 1000, consumerName: RedisValue.Null);

    /// <summary>Whether <paramref name="gateway"/> holds the entry: its consumer names carry the process id.</summary>
    internal static bool IsOf(GatewayProcess gateway, StreamPendingMessageInfo message) =>
        message.ConsumerName.ToString().Contains("-" + gateway.ProcessId.ToString(CultureInfo.InvariantCulture) + "-", StringComparison.Ordinal);
}
