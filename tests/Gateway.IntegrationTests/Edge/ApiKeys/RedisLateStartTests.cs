using System.Net;
using Gateway.Edge;
using Gateway.IntegrationTests.Admin;
using Gateway.IntegrationTests.Edge.Authentication;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Edge.ApiKeys;

/// <summary>A gateway started before its Redis: it starts anyway, answers 503 (never 500) meanwhile, and serves partner keys once Redis is there.</summary>
public sealed class RedisLateStartTests
{
    [Fact]
    public async Task A_gateway_started_before_its_redis_serves_partner_keys_once_redis_is_up()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var redis = new RedisServer();
        await using var host = await EdgeHost.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString });
        var admin = new AdminClient(host.Client);
        var partner = new { name = "Late", scopes = new[] { Scopes.CatalogRead }, customerIds = new[] { "C0007" }, plan = new { requestsPerSecond = 50, burst = 50, dailyQuota = 1000 } };
        var answers = new List<HttpStatusCode>();
        using (var early = await admin.SendAsync(HttpMethod.Post, "/admin/partners", partner))
        {
            answers.Add(early.StatusCode);
        }

        await redis.StartAsync();
        string? partnerId = null;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (partnerId is null && DateTime.UtcNow < deadline)
        {
            // A well-behaved client: a 503 is retried after its Retry-After until the store is back.
            using var response = await admin.SendAsync(HttpMethod.Post, "/admin/partners", partner);
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                partnerId = (await AdminClient.ReadAsync(response)).GetProperty("partnerId").GetString();
            }
            else
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), ct);
            }
        }

        Assert.All(answers, status => Assert.True(status is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable, $"unexpected {status}"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answers[0]);
        Assert.NotNull(partnerId);
        var (keyId, key) = await admin.IssueKeyAsync(partnerId);
        using var admitted = await AdminClient.GetWithKeyAsync(host.Client, EdgeHost.ProbePath(Scopes.CatalogRead), key);
        await admin.RevokeAsync(keyId);
        using var revoked = await AdminClient.GetWithKeyAsync(host.Client, EdgeHost.ProbePath(Scopes.CatalogRead), key);

        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }
}
