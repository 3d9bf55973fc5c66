using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Gateway.Edge;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Edge.Authentication;

/// <summary>Storefront JWTs and the admin token against a real host: who gets in, as whom, and how refusals read.</summary>
public sealed class JwtAuthenticationTests(EdgeHostFixture fixture) : IClassFixture<EdgeHostFixture>
{
    readonly EdgeHost _host = fixture.Host;

    async Task<HttpResponseMessage> GetAsync(string path, string? bearer, string? apiKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", apiKey);
        }

        return await _host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Valid_storefront_token_acts_as_the_app_for_its_customer_with_its_scopes()
    {
        var token = TestTokens.Storefront("C0042", [Scopes.PricingRead, Scopes.CatalogRead], TimeSpan.FromMinutes(5), subject: "web-shop");

        using var response = await GetAsync(EdgeHost.ProbePath(Scopes.PricingRead), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await response.Content.ReadFromJsonAsync<CallerSeen>(TestContext.Current.CancellationToken);
        Assert.Equal("app:web-shop", seen!.Id);
        Assert.Equal(nameof(CallerKind.StorefrontApp), seen.Kind);
        Assert.Equal([Scopes.CatalogRead, Scopes.PricingRead], seen.Scopes);
        Assert.Equal(["C0042"], seen.CustomerIds!);
    }

    public static TheoryData<string, string> RefusedTokens() => new()
    {
        { "expired", TestTokens.Expired("C0042", Scopes.PricingRead) },
        { "wrong audience", TestTokens.WrongAudience("C0042", Scopes.PricingRead) },
        { "alg none", TestTokens.AlgNone("C0042", Scopes.PricingRead) },
        { "tampered", TestTokens.Tampered("C0042", "C0043", Scopes.PricingRead) },
        { "other signing key", TestTokens.Storefront("C0042", [Scopes.PricingRead], TimeSpan.FromMinutes(5), signingKey: new string('k', 48)) },
        { "other issuer", TestTokens.Storefront("C0042", [Scopes.PricingRead], TimeSpan.FromMinutes(5), issuer: "https://evil.test") },
        { "garbage", "not.a.jwt" },
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Invalid_tokens_are_refused_401_problem(string kind, string token)
    {
        using var response = await GetAsync(EdgeHost.ProbePath(Scopes.PricingRead), token);

        var body = await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.True(body.TryGetProperty("traceId", out _), kind);
        Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_refused_credential_reads_the_same_as_no_credential()
    {
        using var none = await GetAsync(EdgeHost.ProbePath(Scopes.PricingRead), bearer: null);
        using var expired = await GetAsync(EdgeHost.ProbePath(Scopes.PricingRead), TestTokens.Expired("C0042", Scopes.PricingRead));
        using var badAdmin = await GetAsync(EdgeHost.ProbePath(Scopes.PricingRead), "not-the-admin-token");

        var expected = Problems.WithoutTraceId(await Problems.AssertProblemAsync(none, HttpStatusCode.Unauthorized));
        Assert.Equal(expected, Problems.WithoutTraceId(await Problems.AssertProblemAsync(expired, HttpStatusCode.Unauthorized)));
        Assert.Equal(expected, Problems.WithoutTraceId(await Problems.AssertProblemAsync(badAdmin, HttpStatusCode.Unauthorized)));
        Assert.Contains("Bearer", none.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_the_scope_is_forbidden_403_problem_naming_the_scope()
    {
        using var response = await GetAsync(EdgeHost.ProbePath(Scopes.OrdersWrite), TestTokens.Storefront("C0042", Scopes.CatalogRead));

        var body = await Problems.AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains(Scopes.OrdersWrite, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_storefront_token_asking_for_admin_gets_403_from_the_admin_api_and_no_scope_from_it()
    {
        var token = TestTokens.Storefront("C0042", Scopes.Admin, Scopes.CatalogRead);

        using var adminProbe = await GetAsync(EdgeHost.ProbePath(Scopes.Admin), token);
        using var adminApi = await GetAsync("/admin/partners/ptn_000000000000", token);
        using var pricing = await GetAsync(EdgeHost.ProbePath(Scopes.PricingRead), token);
        using var catalog = await GetAsync(EdgeHost.ProbePath(Scopes.CatalogRead), token);

        await Problems.AssertProblemAsync(adminProbe, HttpStatusCode.Forbidden);
        await Problems.AssertProblemAsync(adminApi, HttpStatusCode.Forbidden);
        await Problems.AssertProblemAsync(pricing, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, catalog.StatusCode);
    }

    /// <summary>Exactly the claims the contract pins for a storefront token (no <c>sub</c>), for customer C0042.</summary>
    static Dictionary<string, object> PinnedClaims() => new()
    {
        ["iss"] = TestTokens.Issuer,
        ["aud"] = TestTokens.Audience,
        ["exp"] = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds(),
        ["scope"] = Scopes.PricingRead,
        ["customer_id"] = "C0042",
    };

    [Fact]
    public async Task A_token_with_exactly_the_pinned_claims_and_no_sub_is_accepted_as_its_customers_app()
    {
        var token = TestTokens.WithClaims(PinnedClaims());

        using var response = await GetAsync(EdgeHost.ProbePath(Scopes.PricingRead), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await response.Content.ReadFromJsonAsync<CallerSeen>(TestContext.Current.CancellationToken);
        Assert.Equal("app-customer:C0042", seen!.Id);
        Assert.Equal(["C0042"], seen.CustomerIds!);
    }

    [Fact]
    public async Task A_token_without_sub_is_identified_by_its_client_id()
    {
        var claims = PinnedClaims();
        claims["client_id"] = "web-shop";
        var token = TestTokens.WithClaims(claims);

        using var response = await GetAsync("/v1/whoami", token);

        Assert.Equal("app-client:web-shop", (await response.Content.ReadFromJsonAsync<CallerSeen>(TestContext.Current.CancellationToken))!.Id);
    }

    [Fact]
    public async Task Admin_token_acts_as_admin_for_every_customer()
    {
        using var response = await GetAsync(EdgeHost.ProbePath(Scopes.OrdersWrite), TestTokens.AdminToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var seen = await response.Content.ReadFromJsonAsync<CallerSeen>(TestContext.Current.CancellationToken);
        Assert.Equal("admin", seen!.Id);
        Assert.Equal(nameof(CallerKind.Admin), seen.Kind);
        Assert.Equal([Scopes.Admin], seen.Scopes);
        Assert.Null(seen.CustomerIds);
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Token abc")]
    [InlineData("Bearer a.b.c.d")]
    public async Task Malformed_authorization_headers_are_refused_401_problem(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/whoami");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await _host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Two_credentials_at_once_are_refused()
    {
        using var response = await GetAsync("/v1/whoami", TestTokens.AdminToken, apiKey: "gw_abc_def");

        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Tokens_never_reach_the_logs()
    {
        var token = TestTokens.Tampered("C0042", "C0043", Scopes.PricingRead);
        using var refused = await GetAsync("/v1/whoami", token);
        using var wrongAdmin = await GetAsync("/v1/whoami", "wrong-admin-token-9f8e7d6c5b4a");
        using var admin = await GetAsync("/v1/whoami", TestTokens.AdminToken);

        Assert.NotEmpty(_host.Logs.Lines);
        Assert.False(_host.Logs.Contain(token.Split('.')[2]));
        Assert.False(_host.Logs.Contain("wrong-admin-token-9f8e7d6c5b4a"));
        Assert.False(_host.Logs.Contain(TestTokens.AdminToken));
    }
}
