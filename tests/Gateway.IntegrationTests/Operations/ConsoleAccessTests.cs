using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Operations;

/// <summary>
/// Who gets the console's API, over HTTP: only a session signed in with the admin credential. A partner key, a
/// storefront token or the admin token itself as a bearer get 401; an action without the session's antiforgery token is
/// refused; a signed-out session's cookie is worth nothing.
/// </summary>
[Collection(SharedOperations.Name)]
public sealed class ConsoleAccessTests(OperationsFixture fixture)
{
    const string Csrf = "X-CSRF-Token";
    readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Partner_key_storefront_token_and_admin_bearer_get_no_console_api()
    {
        var partnerKey = await PartnerKeyAsync();
        var storefront = Orders.OrdersFixture.TokenFor(fixture.Customers[0].CustomerId);
        using var client = new HttpClient { BaseAddress = fixture.Gateway.Address };

        foreach (var (header, value) in new[] { ("X-Api-Key", partnerKey), ("Authorization", "Bearer " + storefront), ("Authorization", "Bearer " + TestTokens.AdminToken) })
        {
            foreach (var (method, path) in new[] { (HttpMethod.Get, "console/api/overview"), (HttpMethod.Get, "console/api/stream"), (HttpMethod.Get, "console/api/session"), (HttpMethod.Post, "console/api/exceptions/exc_x/replay") })
            {
                using var request = new HttpRequestMessage(method, path);
                request.Headers.TryAddWithoutValidation(header, value);
                using var response = await client.SendAsync(request, _ct);
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                Assert.Equal("https://gateway.example/problems/unauthenticated", (await response.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("type").GetString());
            }
        }
    }

    [Fact]
    public async Task Partner_key_as_the_sign_in_password_is_refused()
    {
        using var session = NewSession();
        using var signIn = await SignInAsync(session, await PartnerKeyAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Null(signIn.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.FirstOrDefault(c => c.StartsWith("gateway_console=", StringComparison.Ordinal)) : null);
    }

    [Fact]
    public async Task Sign_in_sets_an_http_only_same_site_strict_cookie_for_the_console_path()
    {
        using var session = NewSession();
        using var signIn = await SignInAsync(session, TestTokens.AdminToken);

        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gateway_console=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/console", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TestTokens.AdminToken, cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Action_without_the_antiforgery_token_is_refused()
    {
        using var session = NewSession();
        (await SignInAsync(session, TestTokens.AdminToken)).Dispose();
        var token = await CsrfTokenAsync(session);

        using var without = await session.PostAsync("console/api/exceptions/exc_unknown/replay", null, _ct);
        using var forged = await PostWithTokenAsync(session, "console/api/exceptions/exc_unknown/replay", "CfDJ8-not-a-token");
        using var with = await PostWithTokenAsync(session, "console/api/exceptions/exc_unknown/replay", token);

        Assert.Equal(HttpStatusCode.Forbidden, without.StatusCode);
        Assert.Equal("https://gateway.example/problems/csrf-token-invalid", (await without.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        // With its token the action reaches the queue, which knows no such entry.
        Assert.Equal(HttpStatusCode.NotFound, with.StatusCode);
    }

    [Fact]
    public async Task Another_sessions_token_does_not_pass()
    {
        using var first = NewSession();
        using var second = NewSession();
        (await SignInAsync(first, TestTokens.AdminToken)).Dispose();
        (await SignInAsync(second, TestTokens.AdminToken)).Dispose();

        using var crossed = await PostWithTokenAsync(second, "console/api/exceptions/exc_unknown/resolve", await CsrfTokenAsync(first));

        Assert.Equal(HttpStatusCode.Forbidden, crossed.StatusCode);
    }

    [Fact]
    public async Task Signed_out_session_cookie_is_refused_even_when_replayed()
    {
        var cookies = new CookieContainer();
        using var session = NewSession(cookies);
        (await SignInAsync(session, TestTokens.AdminToken)).Dispose();
        var token = await CsrfTokenAsync(session);
        var copied = cookies.GetCookieHeader(new Uri(fixture.Gateway.Address, "console/api/overview"));

        using var signOut = new HttpRequestMessage(HttpMethod.Delete, "console/api/session");
        signOut.Headers.Add(Csrf, token);
        (await session.SendAsync(signOut, _ct)).Dispose();

        using var replayed = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = fixture.Gateway.Address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "console/api/overview");
        request.Headers.Add("Cookie", copied);
        using var answer = await replayed.SendAsync(request, _ct);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
    }

    [Fact]
    public async Task Sign_in_without_a_password_names_the_field()
    {
        using var session = NewSession();
        using var answer = await session.PostAsync("console/api/session", new FormUrlEncodedContent([]), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.True((await answer.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("errors").TryGetProperty("password", out _));
    }

    HttpClient NewSession(CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler { CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = fixture.Gateway.Address };

    Task<HttpResponseMessage> SignInAsync(HttpClient session, string password) =>
        session.PostAsync("console/api/session", new FormUrlEncodedContent([new("password", password)]), _ct);

    async Task<string> CsrfTokenAsync(HttpClient session) =>
        (await session.GetFromJsonAsync<JsonElement>("console/api/session", _ct)).GetProperty("csrfToken").GetString()!;

    async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient session, string path, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add(Csrf, token);
        return await session.SendAsync(request, _ct);
    }

    async Task<string> PartnerKeyAsync()
    {
        using var created = await fixture.Admin.PostAsJsonAsync("admin/partners", new
        {
            name = "Console probe",
            scopes = new[] { "catalog:read", "orders:read", "orders:write" },
            customerIds = new[] { fixture.Customers[0].CustomerId },
            plan = new { requestsPerSecond = 50, burst = 100, dailyQuota = 100_000 },
        }, _ct);
        created.EnsureSuccessStatusCode();
        var partnerId = (await created.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("partnerId").GetString();
        using var key = await fixture.Admin.PostAsync($"admin/partners/{partnerId}/keys", null, _ct);
        key.EnsureSuccessStatusCode();
        return (await key.Content.ReadFromJsonAsync<JsonElement>(_ct)).GetProperty("key").GetString()!;
    }
}
