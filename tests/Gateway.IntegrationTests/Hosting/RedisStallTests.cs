using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Gateway.Edge;
using Gateway.IntegrationTests.Events;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Orders;

namespace Gateway.IntegrationTests.Hosting;

/// <summary>
/// Redis stalled, not gone: its process stopped with every connection left open, as a stalled host, a swapping machine
/// or a long fork leaves it. The gateway (a real process) keeps answering meanwhile, and once Redis answers again every
/// background service is still at work. A command cancelled inside the Redis client during the stall once escaped a
/// background service, and the host stopped: the gateway exited.
/// </summary>
public sealed class RedisStallTests
{
    static readonly TimeSpan Stall = TimeSpan.FromSeconds(6);

    [Fact]
    public async Task A_redis_that_stops_answering_for_seconds_leaves_the_gateway_answering_and_its_change_feed_running()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.StartAsync();
        await using var simulator = await SimulatorHost.StartAsync();
        var settings = OrdersFixture.GatewaySettings(redis, simulator, cloudRequestsPerSecond: 200);
        settings["Events:LegacyFeed"] = "On";
        settings["Events:LegacyPollInterval"] = "00:00:00.100";
        await using var gateway = await GatewayProcess.StartAsync(settings, ct);
        var skus = (await simulator.SampleAsync(2, 1, ct)).Skus;
        var token = TestTokens.Storefront("stall-test", Scopes.InventoryRead);
        var before = await OnHandAsync(gateway, token, skus[0]);

        var during = new List<HttpStatusCode>();
        redis.Freeze();
        try
        {
            for (var stalledUntil = DateTime.UtcNow + Stall; DateTime.UtcNow < stalledUntil;)
            {
                using var response = await InventoryAsync(gateway, token, skus[DateTime.UtcNow.Second % 2]);
                during.Add(response.StatusCode);
                await Task.Delay(200, ct);
            }
        }
        finally
        {
            redis.Thaw();
        }

        await SimChanges.SetStockAsync(simulator, skus[0], "ATL", before.Atl + 17);
        var after = await Eventually.WaitForAsync(() => OnHandAsync(gateway, token, skus[0]), level => level.Atl == before.Atl + 17, seconds: 20);

        Assert.NotEmpty(during);
        Assert.All(during, status => Assert.True(status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"answered {status} during the stall"));
        Assert.True(after.Atl == before.Atl + 17, "the change made after the stall never reached the gateway:" + Environment.NewLine + gateway.RecentOutput);
        using var live = await gateway.Client.GetAsync("health/live", ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    static async Task<HttpResponseMessage> InventoryAsync(GatewayProcess gateway, string token, string sku)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/inventory/{sku}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            return await gateway.Client.SendAsync(request, TestContext.Current.CancellationToken);
        }
        catch (HttpRequestException error)
        {
            throw new InvalidOperationException("The gateway stopped answering (" + error.Message + "); its last output:" + Environment.NewLine + gateway.RecentOutput, error);
        }
    }

    static async Task<(int Atl, HttpStatusCode Status)> OnHandAsync(GatewayProcess gateway, string token, string sku)
    {
        using var response = await InventoryAsync(gateway, token, sku);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (-1, response.StatusCode);
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var atl = body.RootElement.GetProperty("warehouses").EnumerateArray().Single(w => w.GetProperty("warehouseId").GetString() == "ATL");
        return (atl.GetProperty("onHand").GetInt32(), response.StatusCode);
    }
}
