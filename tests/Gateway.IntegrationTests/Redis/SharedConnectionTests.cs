using System.Net;
using Gateway.Core.Redis;
using Gateway.Edge;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Orders;
using StackExchange.Redis;

namespace Gateway.IntegrationTests.Redis;

/// <summary>Every feature of one gateway on one Redis multiplexer, as the Redis clients the real redis-server sees.</summary>
public sealed class SharedConnectionTests
{
    [Fact]
    public async Task A_gateway_serving_reads_holds_one_multiplexer_for_keys_cache_events_limits_and_erp_budgets_and_one_for_orders()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.StartAsync();
        await using var simulator = await SimulatorHost.StartAsync();
        var settings = OrdersFixture.GatewaySettings(redis, simulator, cloudRequestsPerSecond: 200);
        settings["Erp:Routing:Inventory"] = "Cloud";
        await using var gateway = await GatewayHost.StartAsync(simulator, settings);
        var sku = (await simulator.SampleAsync(1, 1, ct)).Skus[0];
        var client = gateway.ClientFor(TestTokens.Storefront("shared-connection", Scopes.InventoryRead));

        // A read passes the limiter, the cache (L2 and the fill channel) and the cloud ERP's shared budget.
        using (var answer = await client.GetAsync($"v1/inventory/{sku}", ct))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        await using var observer = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString + ",name=observer,allowAdmin=true");
        var clients = await ClientsAsync(observer);

        var names = string.Join(", ", clients.Select(c => c.Name));

        // One multiplexer is one interactive and one subscription connection; before, each feature had both of its own.
        // The orders' own (commands queued while reconnecting) is the one other, as its hand-off workers poll from start.
        Assert.True(clients.Count(c => c.Name == RedisConnection.ClientName) == 2, names);
        Assert.All(clients.Where(c => c.Name != RedisConnection.ClientName), c => Assert.True(c.Name is "observer" or "gateway-orders", names));
        Assert.True(clients.Count(c => c.Name == "gateway-orders") <= 2, names);
    }

    static async Task<ClientInfo[]> ClientsAsync(ConnectionMultiplexer observer)
    {
        var server = observer.GetServer(observer.GetEndPoints()[0]);
        return await server.ClientListAsync();
    }
}
