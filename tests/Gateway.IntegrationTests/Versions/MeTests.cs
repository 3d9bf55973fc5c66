using System.Net;
using System.Text.Json;
using Gateway.IntegrationTests.Admin;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Versions;

/// <summary><c>GET /v1/me</c> and <c>/v2/me</c>: the caller's own standing, for a partner and for a storefront app.</summary>
[Collection(VersionsCluster.Name)]
public sealed class MeTests(VersionsClusterFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_partner_sees_its_plan_quota_keys_and_deprecated_calls()
    {
        var (partnerId, keyId, key) = await fixture.NewPartnerAsync();
        for (var i = 0; i < 2; i++)
        {
            using var call = await AdminClient.GetWithKeyAsync(fixture.B.Client, $"/v1/products/{fixture.Sample.Skus[8]}", key);
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        }

        // Asked of the other instance, through v2: B's calls reach it through Redis.
        var me = await Eventually.WaitForAsync(
            () => MeAsync(fixture.A.Client, "/v2/me", key),
            body => DeprecatedCalls(body, "v1") >= 2);

        Assert.Equal("partner:" + partnerId, me.GetProperty("callerId").GetString());
        Assert.Equal("Partner", me.GetProperty("kind").GetString());
        Assert.Equal(1_000_000, me.GetProperty("plan").GetProperty("dailyQuota").GetInt64());
        var quota = me.GetProperty("quota");
        Assert.Equal(1_000_000, quota.GetProperty("dailyLimit").GetInt64());
        Assert.InRange(quota.GetProperty("dailyRemaining").GetInt64(), 0, 1_000_000 - 1);
        var onlyKey = Assert.Single(me.GetProperty("keys").EnumerateArray());
        Assert.Equal(keyId, onlyKey.GetProperty("keyId").GetString());
        Assert.Equal(JsonValueKind.Null, onlyKey.GetProperty("expiresAt").ValueKind);
        Assert.DoesNotContain(key, me.ToString(), StringComparison.Ordinal);
        var v1 = me.GetProperty("deprecatedUsage").EnumerateArray().Single(u => u.GetProperty("version").GetString() == "v1");
        Assert.Equal(2, v1.GetProperty("calls").GetInt64());
        Assert.Equal(DateTimeOffset.Parse("2027-06-30T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), v1.GetProperty("sunsetAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_rotated_key_shows_its_expiry()
    {
        var (_, keyId, _) = await fixture.NewPartnerAsync();
        var (newKeyId, newKey) = await new AdminClient(fixture.A.Client).RotateAsync(keyId);

        var me = await MeAsync(fixture.A.Client, "/v1/me", newKey);

        var keys = me.GetProperty("keys").EnumerateArray().ToDictionary(k => k.GetProperty("keyId").GetString()!);
        Assert.Equal(JsonValueKind.String, keys[keyId].GetProperty("expiresAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, keys[newKeyId].GetProperty("expiresAt").ValueKind);
    }

    [Fact]
    public async Task A_storefront_app_sees_its_standing_without_keys()
    {
        var token = TestTokens.Storefront(fixture.Sample.Customers[1].CustomerId, "catalog:read");
        using var client = fixture.A.ClientFor(token);

        using var response = await client.GetAsync(new Uri("v1/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("app:storefront-test", me.GetProperty("callerId").GetString());
        Assert.Equal("StorefrontApp", me.GetProperty("kind").GetString());
        Assert.Empty(me.GetProperty("keys").EnumerateArray());
        Assert.True(me.GetProperty("quota").GetProperty("dailyLimit").GetInt64() > 0);
    }

    [Fact]
    public async Task Without_a_credential_me_is_401()
    {
        using var response = await fixture.A.Client.GetAsync(new Uri("v1/me", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    static async Task<JsonElement> MeAsync(HttpClient client, string path, string key)
    {
        using var response = await AdminClient.GetWithKeyAsync(client, path, key);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    static long DeprecatedCalls(JsonElement me, string version) => me.GetProperty("deprecatedUsage").EnumerateArray()
        .Where(u => u.GetProperty("version").GetString() == version)
        .Select(u => u.GetProperty("calls").GetInt64())
        .FirstOrDefault();
}
