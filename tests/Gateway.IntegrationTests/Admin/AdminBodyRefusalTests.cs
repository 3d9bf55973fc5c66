using System.Net;
using System.Text;
using Gateway.IntegrationTests.Edge.Authentication;

namespace Gateway.IntegrationTests.Admin;

/// <summary>A body the admin API cannot use is a 4xx problem naming what is wrong, never a 500, and is audited.</summary>
public sealed class AdminBodyRefusalTests(EdgeHostFixture fixture) : IClassFixture<EdgeHostFixture>
{
    readonly AdminClient _admin = new(fixture.Host.Client);

    public static TheoryData<string> NotJson() => ["", "text/plain", "application/x-www-form-urlencoded", "application/xml"];

    [Theory]
    [MemberData(nameof(NotJson))]
    public async Task A_body_without_a_json_content_type_answers_415_problem_and_is_audited(string mediaType)
    {
        var correlationId = Guid.NewGuid().ToString("N");
        using var content = new StringContent("""{"name":"A"}""", Encoding.UTF8);
        content.Headers.ContentType = mediaType.Length == 0 ? null : new(mediaType);

        using var response = await SendAsync(content, correlationId);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("https://gateway.example/problems/unsupported-media-type", problem.GetProperty("type").GetString());
        Assert.Equal(415, await AuditedStatusAsync(correlationId));
    }

    public static TheoryData<string, string> NotAPartnerObject() => new()
    {
        { """[{"name":"A"}]""", "body" },
        { "\"a partner\"", "body" },
        { "null", "body" },
        { "42", "body" },
        { """{"name":"A",""", "body" },
        { """{"name":"A"} trailing""", "body" },
        { """{"name":5,"scopes":["catalog:read"],"customerIds":[],"plan":{"requestsPerSecond":1,"burst":1,"dailyQuota":1}}""", "name" },
        { """{"name":"A","scopes":"catalog:read","customerIds":[],"plan":{"requestsPerSecond":1,"burst":1,"dailyQuota":1}}""", "scopes" },
        { """{"name":"A","scopes":["catalog:read"],"customerIds":[20001],"plan":{"requestsPerSecond":1,"burst":1,"dailyQuota":1}}""", "customerIds[0]" },
        { """{"name":"A","scopes":["catalog:read"],"customerIds":[],"plan":[1,1,1]}""", "plan" },
        { """{"name":"A","scopes":["catalog:read"],"customerIds":[],"plan":{"requestsPerSecond":1,"burst":2147483648,"dailyQuota":1}}""", "plan.burst" },
        { """{"name":"A","scopes":["catalog:read"],"customerIds":[],"plan":{"requestsPerSecond":1.5,"burst":1,"dailyQuota":1}}""", "plan.requestsPerSecond" },
    };

    [Theory]
    [MemberData(nameof(NotAPartnerObject))]
    public async Task A_body_that_is_not_the_expected_object_answers_400_naming_the_field_and_is_audited(string json, string field)
    {
        var correlationId = Guid.NewGuid().ToString("N");
        using var content = new StringContent(json, Encoding.UTF8, "application/json");

        using var response = await SendAsync(content, correlationId);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("https://gateway.example/problems/invalid-request", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"expected an error for '{field}': {problem}");
        Assert.Equal(400, await AuditedStatusAsync(correlationId));
    }

    [Fact]
    public async Task A_body_over_the_limit_answers_413_problem_and_is_audited()
    {
        var correlationId = Guid.NewGuid().ToString("N");
        using var content = new StringContent($$"""{"name":"{{new string('a', 2 * 1024 * 1024)}}"}""", Encoding.UTF8, "application/json");

        using var response = await SendAsync(content, correlationId, expectContinue: true);

        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(413, await AuditedStatusAsync(correlationId));
    }

    async Task<HttpResponseMessage> SendAsync(HttpContent content, string correlationId, bool expectContinue = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/partners") { Content = content };
        request.Headers.Authorization = new("Bearer", Fixtures.TestTokens.AdminToken);
        request.Headers.Add("X-Correlation-Id", correlationId);
        request.Headers.ExpectContinue = expectContinue;
        return await fixture.Host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>The status the audit trail recorded for <c>partner.create</c> under this correlation id.</summary>
    async Task<int?> AuditedStatusAsync(string correlationId)
    {
        using var audit = await _admin.SendAsync(HttpMethod.Get, "/admin/audit?limit=1000");
        return (await AdminClient.ReadAsync(audit)).GetProperty("items").EnumerateArray()
            .Where(e => e.GetProperty("correlationId").GetString() == correlationId && e.GetProperty("action").GetString() == "partner.create")
            .Select(e => (int?)e.GetProperty("status").GetInt32())
            .SingleOrDefault();
    }
}
