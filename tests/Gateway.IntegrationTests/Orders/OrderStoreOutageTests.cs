using System.Net;
using System.Text.Json;
using Gateway.IntegrationTests.Fixtures;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.Orders;

/// <summary>
/// Order intake with the order store (a real redis-server, no persistence) taken away: a 503 problem with Retry-After, never
/// a 500; once the store is back (empty, as a restart without AOF leaves it) the retried order is still handed to the ERP.
/// </summary>
[Collection(SharedOrders.Name)]
public sealed class OrderStoreOutageTests(OrdersFixture fixture)
{
    [Fact]
    public async Task Order_posted_while_the_store_is_down_is_503_with_retry_after_and_the_same_key_works_and_reaches_the_erp_once_it_is_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.StartAsync();
        await using var gateway = await GatewayProcess.StartAsync(GatewaySettings(redis, fixture.Simulator, cloudRequestsPerSecond: 200), ct);
        var token = TokenFor(fixture.Customers[0].CustomerId);
        using (var before = await PostOrderAsync(gateway.Client, token, OrderBodies.NewKey(), OrderBodies.Valid(fixture), ct))
        {
            Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        }

        await redis.StopAsync();
        var key = OrderBodies.NewKey();
        using var refused = await PostOrderAsync(gateway.Client, token, key, OrderBodies.Valid(fixture), ct);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(ct));
        await redis.StartAsync();
        using var retried = await PostOrderAsync(gateway.Client, token, key, OrderBodies.Valid(fixture), ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("https://gateway.example/problems/store-unavailable", problem.RootElement.GetProperty("type").GetString());
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        var orderId = retried.Headers.Location!.ToString().Split('/')[^1];
        await Eventually.HoldsAsync(async () => (await ErpOrdersAsync(fixture.Simulator, orderId, ct)).Count == 1, ct, seconds: 30);
    }

    [Fact]
    public async Task Order_no_replica_acknowledged_in_time_is_503_with_retry_after_never_a_500()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var settings = GatewaySettings(redis, fixture.Simulator, cloudRequestsPerSecond: 200);
        // A primary without replicas: WAIT answers 0 of 1 when its timeout ends, as during a failover's resync.
        settings["Orders:ReplicaAcknowledgements"] = "1";
        settings["Orders:ReplicaAcknowledgeTimeout"] = "00:00:00.050";
        await using var gateway = await GatewayProcess.StartAsync(settings, ct);

        using var refused = await PostOrderAsync(gateway.Client, TokenFor(fixture.Customers[0].CustomerId), OrderBodies.NewKey(), OrderBodies.Valid(fixture), ct);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(ct));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("https://gateway.example/problems/store-unavailable", problem.RootElement.GetProperty("type").GetString());
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
    }
}
