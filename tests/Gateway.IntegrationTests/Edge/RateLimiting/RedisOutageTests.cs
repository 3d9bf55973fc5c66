using System.Net;
using Gateway.Core.Redis;
using Gateway.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Gateway.IntegrationTests.Edge.RateLimiting;

/// <summary>Redis going away costs precision, never availability, and its return needs no one.</summary>
public sealed class RedisOutageTests
{
    [Fact]
    public async Task Redis_killed_falls_back_to_the_local_share_with_readiness_degraded_and_recovers_when_it_returns()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString };
        await using var a = await EdgeTestHost.StartAsync("A", settings);
        await using var b = await EdgeTestHost.StartAsync("B", settings);
        await Readiness.WaitForAsync(a, s => s.Description.Contains("2 live", StringComparison.Ordinal));
        Assert.Equal("healthy", (await Readiness.RateLimitsAsync(a)).Status);

        await redis.StopAsync();
        // Burst 20 at 2/s: A alone may now spend half of it, 10 (plus what refills while the requests run).
        var duringOutage = await AdmittedAsync(a, EdgeTestHost.CallerValue("partner:outage", 2, 20, 1_000_000, "catalog:read"), 30);
        var degraded = await Readiness.WaitForAsync(a, s => s.Status == "degraded");

        await redis.StartAsync();
        var recovered = await Readiness.WaitForAsync(a, s => s.Status == "healthy");
        var afterwards = EdgeTestHost.CallerValue("partner:afterwards", 2, 20, 1_000_000, "catalog:read");
        var admittedAfterwards = await AdmittedAsync(a, afterwards, 3);

        Assert.InRange(duringOutage, 10, 12);
        Assert.Equal("degraded", degraded.Status);
        Assert.Contains("1/2", degraded.Description, StringComparison.Ordinal);
        Assert.Equal("healthy", recovered.Status);
        Assert.Equal(3, admittedAfterwards);
        // The shared count in Redis saw those three: the cluster-wide limiter is back.
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var day = DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(3, (long)await connection.GetDatabase().StringGetAsync(RedisKeys.Caller("gw:rl", "partner:afterwards") + ":day:" + day));
    }

    static async Task<int> AdmittedAsync(EdgeTestHost host, string caller, int requests)
    {
        var admitted = 0;
        for (var i = 0; i < requests; i++)
        {
            using var response = await host.Client.SendAsync(host.Get("/v1/whoami", caller), TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"unexpected {response.StatusCode}");
            admitted += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
        }

        return admitted;
    }
}
