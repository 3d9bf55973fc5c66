using System.Net;
using Gateway.IntegrationTests.Fixtures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.IntegrationTests.Edge.RateLimiting;

/// <summary>The daily quota is one count in Redis for all instances, and it renews at 00:00 UTC.</summary>
public sealed class DailyQuotaTests
{
    [Fact]
    public async Task Daily_quota_spent_on_two_hosts_refuses_on_both_until_the_next_utc_day()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 5, 17, 23, 59, 0, TimeSpan.Zero));
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString };
        await using var a = await EdgeTestHost.StartAsync("A", settings, s => s.AddSingleton<TimeProvider>(clock));
        await using var b = await EdgeTestHost.StartAsync("B", settings, s => s.AddSingleton<TimeProvider>(clock));
        var caller = EdgeTestHost.CallerValue("partner:daily", 10, 10, 3, "catalog:read");

        var spent = new[] { await StatusAsync(a, caller), await StatusAsync(b, caller), await StatusAsync(a, caller) };
        using var refusedOnB = await b.Client.SendAsync(b.Get("/v1/whoami", caller), ct);
        var refusedOnA = await StatusAsync(a, caller);
        clock.Advance(TimeSpan.FromSeconds(61));
        var nextDay = new[] { await StatusAsync(a, caller), await StatusAsync(b, caller) };

        Assert.All(spent, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedOnB.StatusCode);
        Assert.Equal("60", refusedOnB.Headers.GetValues("Retry-After").Single());
        Assert.Equal("\"daily\";r=0;t=60", refusedOnB.Headers.GetValues("RateLimit").Single());
        Assert.Contains("\"limit\":\"daily\"", await refusedOnB.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedOnA);
        Assert.All(nextDay, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    static async Task<HttpStatusCode> StatusAsync(EdgeTestHost host, string caller)
    {
        using var response = await host.Client.SendAsync(host.Get("/v1/whoami", caller), TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
