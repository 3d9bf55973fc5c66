using System.Net;
using System.Text;
using Gateway.IntegrationTests.Edge.Authentication;

namespace Gateway.IntegrationTests.Admin;

/// <summary>A plan the RateLimit headers cannot carry (RFC 9651 integers: 15 digits) is refused when the partner is created.</summary>
public sealed class PlanBoundsTests(EdgeHostFixture fixture) : IClassFixture<EdgeHostFixture>
{
    const long MaxQuota = 999_999_999_999_999;

    readonly EdgeHost _host = fixture.Host;
    readonly AdminClient _admin = new(fixture.Host.Client);

    [Fact]
    public async Task A_daily_quota_at_the_bound_is_accepted_and_its_headers_carry_it()
    {
        using var created = await CreateAsync($$"""{"requestsPerSecond":2147483647,"burst":2147483647,"dailyQuota":{{MaxQuota}}}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var (_, key) = await _admin.IssueKeyAsync((await AdminClient.ReadAsync(created)).GetProperty("partnerId").GetString()!);

        using var call = await AdminClient.GetWithKeyAsync(_host.Client, "/v1/whoami", key);

        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.Equal($"\"burst\";q=2147483647;w=1, \"daily\";q={MaxQuota};w=86400", call.Headers.GetValues("RateLimit-Policy").Single());
        Assert.Matches("^\"burst\";r=[0-9]{1,10};t=1, \"daily\";r=[0-9]{15};t=[0-9]+$", call.Headers.GetValues("RateLimit").Single());
    }

    [Theory]
    [InlineData(MaxQuota + 1)]
    [InlineData(9_007_199_254_740_993)]
    [InlineData(long.MaxValue)]
    public async Task A_daily_quota_past_the_bound_answers_400_naming_it(long dailyQuota)
    {
        using var response = await CreateAsync($$"""{"requestsPerSecond":1,"burst":1,"dailyQuota":{{dailyQuota}}}""");

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("plan.dailyQuota", out _), problem.ToString());
    }

    [Theory]
    [InlineData("""{"requestsPerSecond":2147483648,"burst":1,"dailyQuota":1}""", "plan.requestsPerSecond")]
    [InlineData("""{"requestsPerSecond":1,"burst":2147483648,"dailyQuota":1}""", "plan.burst")]
    [InlineData("""{"requestsPerSecond":1,"burst":1,"dailyQuota":9223372036854775808}""", "plan.dailyQuota")]
    public async Task A_plan_field_past_its_integer_type_answers_400_naming_it(string plan, string field)
    {
        using var response = await CreateAsync(plan);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    async Task<HttpResponseMessage> CreateAsync(string plan)
    {
        using var content = new StringContent(
            $$"""{"name":"Big","scopes":["catalog:read"],"customerIds":["C0001"],"plan":{{plan}}}""", Encoding.UTF8, "application/json");
        return await _admin.SendAsync(HttpMethod.Post, "/admin/partners", content);
    }
}
