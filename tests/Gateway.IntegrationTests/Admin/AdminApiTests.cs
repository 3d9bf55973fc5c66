using System.Net;
using System.Text;
using Gateway.Edge;
using Gateway.IntegrationTests.Edge.Authentication;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Admin;

/// <summary>The admin API on an embedded host: who may use it, how it answers bad requests, what it audits.</summary>
public sealed class AdminApiTests(EdgeHostFixture fixture) : IClassFixture<EdgeHostFixture>
{
    readonly EdgeHost _host = fixture.Host;
    readonly AdminClient _admin = new(fixture.Host.Client);

    static object ValidPartner => new
    {
        name = "Acme Retail",
        scopes = new[] { Scopes.CatalogRead, Scopes.PricingRead },
        customerIds = new[] { "C0001", "C0002" },
        plan = new { requestsPerSecond = 50, burst = 100, dailyQuota = 100_000 },
    };

    [Fact]
    public async Task Admin_api_refuses_anonymous_callers_401_and_callers_without_the_admin_scope_403()
    {
        using var anonymous = await _admin.SendAsync(HttpMethod.Post, "/admin/partners", ValidPartner, token: null);
        using var storefront = await _admin.SendAsync(HttpMethod.Post, "/admin/partners", ValidPartner,
            token: TestTokens.Storefront("C0001", Scopes.CatalogRead, Scopes.OrdersWrite));

        await Problems.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        var forbidden = await Problems.AssertProblemAsync(storefront, HttpStatusCode.Forbidden);
        Assert.Contains(Scopes.Admin, forbidden.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_a_partner_answers_201_with_its_id_scopes_customers_and_plan()
    {
        using var response = await _admin.SendAsync(HttpMethod.Post, "/admin/partners", ValidPartner);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await AdminClient.ReadAsync(response);
        var partnerId = body.GetProperty("partnerId").GetString();
        Assert.False(string.IsNullOrEmpty(partnerId));
        Assert.Equal($"/admin/partners/{partnerId}", response.Headers.Location?.OriginalString);
        Assert.Equal("Acme Retail", body.GetProperty("name").GetString());
        Assert.Equal(50, body.GetProperty("plan").GetProperty("requestsPerSecond").GetInt32());
        Assert.Equal(2, body.GetProperty("customerIds").GetArrayLength());
    }

    [Fact]
    public async Task Admin_scope_in_a_storefront_token_is_refused_403_by_the_admin_api()
    {
        using var response = await _admin.SendAsync(HttpMethod.Post, "/admin/partners", ValidPartner, token: TestTokens.Storefront("C0001", Scopes.Admin));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public static TheoryData<string, string> InvalidPartners() => new()
    {
        { """{"name":"","scopes":["catalog:read"],"customerIds":[],"plan":{"requestsPerSecond":1,"burst":1,"dailyQuota":1}}""", "name" },
        { """{"name":"A","scopes":["catalog:read","prices:write"],"customerIds":[],"plan":{"requestsPerSecond":1,"burst":1,"dailyQuota":1}}""", "scopes[1]" },
        { """{"name":"A","scopes":[],"customerIds":[],"plan":{"requestsPerSecond":1,"burst":1,"dailyQuota":1}}""", "scopes" },
        { """{"name":"A","scopes":["catalog:read"],"customerIds":[""],"plan":{"requestsPerSecond":1,"burst":1,"dailyQuota":1}}""", "customerIds[0]" },
        { """{"name":"A","scopes":["catalog:read"],"customerIds":[],"plan":{"requestsPerSecond":0,"burst":1,"dailyQuota":1}}""", "plan.requestsPerSecond" },
        { """{"name":"A","scopes":["catalog:read"],"customerIds":[],"plan":{"requestsPerSecond":1,"burst":-5,"dailyQuota":1}}""", "plan.burst" },
        { """{"name":"A","scopes":["catalog:read"],"customerIds":[],"plan":{"requestsPerSecond":1,"burst":1,"dailyQuota":0}}""", "plan.dailyQuota" },
        { """{"name":"A","scopes":["catalog:read"],"customerIds":[]}""", "plan" },
        { """{"name":"A","scopes":["catalog:read"],"customerIds":[],"plan":{"requestsPerSecond":"fast","burst":1,"dailyQuota":1}}""", "plan.requestsPerSecond" },
        { """{"name":"A", """, "body" },
        { "", "body" },
    };

    [Theory]
    [MemberData(nameof(InvalidPartners))]
    public async Task Invalid_partner_requests_answer_400_naming_the_field(string json, string field)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _admin.SendAsync(HttpMethod.Post, "/admin/partners", content);

        var body = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for '{field}': {body}");
    }

    [Theory]
    [InlineData("POST", "/admin/partners/ptn_000000000000/keys")]
    [InlineData("GET", "/admin/partners/ptn_000000000000")]
    [InlineData("POST", "/admin/keys/0123456789abcdef/rotate")]
    [InlineData("DELETE", "/admin/keys/0123456789abcdef")]
    [InlineData("DELETE", "/admin/keys/not-a-key-id")]
    public async Task Unknown_partners_and_keys_answer_404_problem(string method, string path)
    {
        using var response = await _admin.SendAsync(new HttpMethod(method), path);

        await Problems.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_admin_change_is_audited_with_actor_action_and_targets_but_never_the_key()
    {
        var partnerId = await _admin.CreatePartnerAsync([Scopes.CatalogRead], ["C0001"]);
        var (keyId, key) = await _admin.IssueKeyAsync(partnerId);
        var (newKeyId, newKey) = await _admin.RotateAsync(keyId);
        await _admin.RevokeAsync(newKeyId);

        using var response = await _admin.SendAsync(HttpMethod.Get, "/admin/audit?limit=1000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(newKey, text, StringComparison.Ordinal);
        var mine = (await AdminClient.ReadAsync(response)).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("partnerId").GetString() == partnerId)
            .Select(e => (Action: e.GetProperty("action").GetString(), Actor: e.GetProperty("actor").GetString(), Key: e.GetProperty("keyId").GetString()))
            .ToList();
        Assert.Equal(
            [("partner.create", "admin", null), ("key.issue", "admin", keyId), ("key.rotate", "admin", keyId), ("key.revoke", "admin", newKeyId)],
            mine);
    }

    [Fact]
    public async Task Unknown_routes_answer_404_and_wrong_methods_405_as_problems()
    {
        using var unknown = await _admin.SendAsync(HttpMethod.Get, "/admin/nothing-here");
        using var wrongMethod = await _admin.SendAsync(HttpMethod.Put, "/admin/partners");

        await Problems.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        await Problems.AssertProblemAsync(wrongMethod, HttpStatusCode.MethodNotAllowed);
    }
}
