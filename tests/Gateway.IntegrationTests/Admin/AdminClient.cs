using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Admin;

/// <summary>Calls a gateway's admin API with the test admin token, as an operator's script would.</summary>
internal sealed class AdminClient(HttpClient client)
{
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null, string? token = TestTokens.AdminToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Creates a partner with a roomy plan; returns its id.</summary>
    public async Task<string> CreatePartnerAsync(string[] scopes, string[] customerIds, string name = "Test partner")
    {
        using var response = await SendAsync(HttpMethod.Post, "/admin/partners", new
        {
            name,
            scopes,
            customerIds,
            plan = new { requestsPerSecond = 500, burst = 1000, dailyQuota = 1_000_000 },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await ReadAsync(response)).GetProperty("partnerId").GetString()!;
    }

    /// <summary>Issues a key; returns (keyId, key).</summary>
    public async Task<(string KeyId, string Key)> IssueKeyAsync(string partnerId)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/admin/partners/{partnerId}/keys");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ReadAsync(response);
        return (body.GetProperty("keyId").GetString()!, body.GetProperty("key").GetString()!);
    }

    public async Task<(string KeyId, string Key)> RotateAsync(string keyId)
    {
        using var response = await SendAsync(HttpMethod.Post, $"/admin/keys/{keyId}/rotate");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await ReadAsync(response);
        return (body.GetProperty("keyId").GetString()!, body.GetProperty("key").GetString()!);
    }

    public async Task RevokeAsync(string keyId)
    {
        using var response = await SendAsync(HttpMethod.Delete, $"/admin/keys/{keyId}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>A GET with <c>X-Api-Key</c>.</summary>
    public static async Task<HttpResponseMessage> GetWithKeyAsync(HttpClient client, string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
