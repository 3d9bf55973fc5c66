using System.Net;
using System.Net.Http.Json;
using Gateway.Edge;
using Gateway.IntegrationTests.Admin;
using Gateway.IntegrationTests.Edge.Authentication;
using StackExchange.Redis;

namespace Gateway.IntegrationTests.Edge.ApiKeys;

/// <summary>
/// Partner keys across two instances sharing a real Redis: issue, call, shown once, rotate, revoke; run on one
/// redis-server and on a Redis Cluster (the partner directory's MULTI and MGET stay in its one slot).
/// </summary>
public abstract class PartnerKeyTests(TwoInstancesFixture cluster)
{
    readonly AdminClient _adminA = new(cluster.A.Client);

    [Fact]
    public async Task A_key_issued_on_one_instance_lets_the_partner_in_on_the_other_as_itself()
    {
        var partnerId = await _adminA.CreatePartnerAsync([Scopes.PricingRead, Scopes.InventoryRead], ["C0007", "C0009"]);
        var (_, key) = await _adminA.IssueKeyAsync(partnerId);

        using var response = await AdminClient.GetWithKeyAsync(cluster.B.Client, EdgeHost.ProbePath(Scopes.PricingRead), key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await response.Content.ReadFromJsonAsync<CallerSeen>(TestContext.Current.CancellationToken);
        Assert.Equal("partner:" + partnerId, seen!.Id);
        Assert.Equal(nameof(CallerKind.Partner), seen.Kind);
        Assert.Equal([Scopes.InventoryRead, Scopes.PricingRead], seen.Scopes);
        Assert.Equal(["C0007", "C0009"], seen.CustomerIds!);
        Assert.Equal("\"burst\";q=500;w=1, \"daily\";q=1000000;w=86400", response.Headers.GetValues("RateLimit-Policy").Single());
    }

    [Fact]
    public async Task A_partner_without_the_scope_is_forbidden()
    {
        var partnerId = await _adminA.CreatePartnerAsync([Scopes.CatalogRead], ["C0007"]);
        var (_, key) = await _adminA.IssueKeyAsync(partnerId);

        using var response = await AdminClient.GetWithKeyAsync(cluster.A.Client, EdgeHost.ProbePath(Scopes.OrdersWrite), key);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_key_is_shown_once_and_never_appears_in_answers_the_audit_stream_or_the_logs()
    {
        var partnerId = await _adminA.CreatePartnerAsync([Scopes.CatalogRead], ["C0007"]);
        var (keyId, key) = await _adminA.IssueKeyAsync(partnerId);
        var (_, rotated) = await _adminA.RotateAsync(keyId);
        using (await AdminClient.GetWithKeyAsync(cluster.B.Client, "/v1/whoami", key))
        using (await AdminClient.GetWithKeyAsync(cluster.B.Client, "/v1/whoami", key + "x"))
        {
        }

        using var partner = await _adminA.SendAsync(HttpMethod.Get, $"/admin/partners/{partnerId}");
        using var audit = await _adminA.SendAsync(HttpMethod.Get, "/admin/audit?limit=1000");
        var partnerText = await partner.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, partner.StatusCode);
        Assert.Contains(keyId, partnerText, StringComparison.Ordinal);
        var secrets = new[] { key, rotated, key[^20..], rotated[^20..] };
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.Redis.ConnectionString);
        var stream = string.Join('\n', (await redis.GetDatabase().StreamRangeAsync("gateway:audit"))
            .SelectMany(entry => entry.Values).Select(field => $"{field.Name}={field.Value}"));
        Assert.Contains(keyId, stream, StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, partnerText, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, await audit.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            Assert.DoesNotContain(secret, stream, StringComparison.Ordinal);
            Assert.False(cluster.A.Logs.Contain(secret), "instance A logged a key");
            Assert.False(cluster.B.Logs.Contain(secret), "instance B logged a key");
        }
    }

    [Fact]
    public async Task A_rotated_key_keeps_working_for_the_grace_period_then_is_refused()
    {
        var partnerId = await _adminA.CreatePartnerAsync([Scopes.CatalogRead], ["C0007"]);
        var (keyId, oldKey) = await _adminA.IssueKeyAsync(partnerId);

        var (_, newKey) = await _adminA.RotateAsync(keyId);

        using (var during = await AdminClient.GetWithKeyAsync(cluster.B.Client, "/v1/whoami", oldKey))
        {
            Assert.Equal(HttpStatusCode.OK, during.StatusCode);
        }

        var deadline = DateTime.UtcNow + TwoInstancesFixture.RotationGrace + TimeSpan.FromSeconds(5);
        HttpStatusCode status;
        do
        {
            using var after = await AdminClient.GetWithKeyAsync(cluster.B.Client, "/v1/whoami", oldKey);
            status = after.StatusCode;
            if (status == HttpStatusCode.Unauthorized || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        while (true);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        using var replacement = await AdminClient.GetWithKeyAsync(cluster.B.Client, "/v1/whoami", newKey);
        Assert.Equal(HttpStatusCode.OK, replacement.StatusCode);
    }

    [Fact]
    public async Task Revoked_key_is_refused_on_every_instance_within_one_second()
    {
        var partnerId = await _adminA.CreatePartnerAsync([Scopes.CatalogRead], ["C0007"]);
        var (keyId, key) = await _adminA.IssueKeyAsync(partnerId);
        foreach (var instance in new[] { cluster.A, cluster.B })
        {
            using var warm = await AdminClient.GetWithKeyAsync(instance.Client, "/v1/whoami", key);
            Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        }

        await _adminA.RevokeAsync(keyId);

        // A behaviour bound, not a benchmark: the contract promises one second on every instance.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        var refusedBy = new HashSet<string>();
        while (refusedBy.Count < 2 && DateTime.UtcNow < deadline)
        {
            foreach (var (name, instance) in new[] { ("A", cluster.A), ("B", cluster.B) })
            {
                using var response = await AdminClient.GetWithKeyAsync(instance.Client, "/v1/whoami", key);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    refusedBy.Add(name);
                }
            }
        }

        Assert.Equal(["A", "B"], refusedBy.Order());
        using var again = await _adminA.SendAsync(HttpMethod.Get, $"/admin/partners/{partnerId}");
        Assert.Contains("\"revoked\"", await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    public static TheoryData<string> MalformedKeys() =>
    [
        "x",
        "gw_",
        "gw_0123456789abcdef_short",
        "gw_0123456789ABCDEF_" + new string('a', 43),
        "gw_0123456789abcdef_" + new string('!', 43),
        "sk_live_" + new string('a', 60),
        new string('a', 4000),
        "gw_0123456789abcdef_" + new string('a', 43) + "; DROP TABLE",
    ];

    [Theory]
    [MemberData(nameof(MalformedKeys), MemberType = typeof(PartnerKeyTests))]
    public async Task Malformed_keys_get_exactly_the_answer_of_an_unknown_key(string malformed)
    {
        var unknown = "gw_0123456789abcdef_" + new string('A', 43);
        using var unknownAnswer = await AdminClient.GetWithKeyAsync(cluster.A.Client, "/v1/whoami", unknown);
        using var malformedAnswer = await AdminClient.GetWithKeyAsync(cluster.A.Client, "/v1/whoami", malformed);

        var expected = await Problems.AssertProblemAsync(unknownAnswer, HttpStatusCode.Unauthorized);
        var actual = await Problems.AssertProblemAsync(malformedAnswer, HttpStatusCode.Unauthorized);
        Assert.Equal(Problems.WithoutTraceId(expected), Problems.WithoutTraceId(actual));
        Assert.Equal(unknownAnswer.Headers.WwwAuthenticate.ToString(), malformedAnswer.Headers.WwwAuthenticate.ToString());
    }
}

public sealed class PartnerKeysOnOneRedisTests(TwoInstancesFixture.OnOneRedis cluster) : PartnerKeyTests(cluster), IClassFixture<TwoInstancesFixture.OnOneRedis>;

public sealed class PartnerKeysOnRedisClusterTests(TwoInstancesFixture.OnRedisCluster cluster) : PartnerKeyTests(cluster), IClassFixture<TwoInstancesFixture.OnRedisCluster>;
