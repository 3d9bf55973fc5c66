using System.Net;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Edge.RateLimiting;

/// <summary>What a partner sees of its plan: RateLimit headers on every answer, a 429 problem that says when to retry.</summary>
public sealed class RateLimitAnswerTests
{
    [Fact]
    public async Task Over_the_limit_answers_429_problem_with_retry_after_and_ratelimit_headers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await redis.StartAsync();
        await using var host = await EdgeTestHost.StartAsync("A", new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString });
        var caller = EdgeTestHost.CallerValue("partner:tiny", 1, 1, 1_000, "catalog:read");

        using var first = await host.Client.SendAsync(host.Get("/v1/whoami", caller), ct);
        using var second = await host.Client.SendAsync(host.Get("/v1/whoami", caller), ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("\"burst\";r=0;t=1, \"daily\";r=999;t=", Header(first, "RateLimit"), StringComparison.Ordinal);
        Assert.Equal("\"burst\";q=1;w=1, \"daily\";q=1000;w=86400", Header(first, "RateLimit-Policy"));

        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.True(int.Parse(Header(second, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("\"burst\";q=1;w=1, \"daily\";q=1000;w=86400", Header(second, "RateLimit-Policy"));
        Assert.StartsWith("\"burst\";r=0;t=", Header(second, "RateLimit"), StringComparison.Ordinal);
        var body = await second.Content.ReadAsStringAsync(ct);
        Assert.Contains("\"status\":429", body, StringComparison.Ordinal);
        Assert.Contains("traceId", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_without_a_caller_are_not_limited()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await EdgeTestHost.StartAsync("A", new Dictionary<string, string?>());

        for (var i = 0; i < 30; i++)
        {
            using var response = await host.Client.GetAsync("/health/ready", ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("RateLimit"));
        }
    }

    [Fact]
    public async Task Without_redis_the_single_node_enforces_the_whole_plan_locally()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await EdgeTestHost.StartAsync("A", new Dictionary<string, string?>());
        var caller = EdgeTestHost.CallerValue("partner:local", 1, 5, 1_000, "catalog:read");
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 8; i++)
        {
            using var response = await host.Client.SendAsync(host.Get("/v1/whoami", caller), ct);
            statuses.Add(response.StatusCode);
        }

        // Burst 5 at 1/s: five pass, and the rest within the same second are refused (one more if a second passed).
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 5, 6);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal("healthy", (await Readiness.RateLimitsAsync(host)).Status);
    }

    static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : "";
}
