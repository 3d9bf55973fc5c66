using System.Net;
using Gateway.Edge;
using Gateway.IntegrationTests.Admin;
using Gateway.IntegrationTests.Edge.Authentication;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Edge.ApiKeys;

/// <summary>A gateway started before its Redis: it starts anyway, and partner keys work once Redis is there.</summary>
public sealed class RedisLateStartTests
{
    [Fact]
    public async Task A_gateway_started_before_its_redis_serves_partner_keys_once_redis_is_up()
    {
        await using var redis = new RedisServer();
        await using var host = await EdgeHost.StartAsync(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString });

        await redis.StartAsync();
        var admin = new AdminClient(host.Client);
        var partnerId = await admin.CreatePartnerAsync([Scopes.CatalogRead], ["C0007"]);
        var (keyId, key) = await admin.IssueKeyAsync(partnerId);
        using var admitted = await AdminClient.GetWithKeyAsync(host.Client, EdgeHost.ProbePath(Scopes.CatalogRead), key);
        await admin.RevokeAsync(keyId);
        using var revoked = await AdminClient.GetWithKeyAsync(host.Client, EdgeHost.ProbePath(Scopes.CatalogRead), key);

        Assert.Equal(HttpStatusCode.OK, admitted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
    }
}
