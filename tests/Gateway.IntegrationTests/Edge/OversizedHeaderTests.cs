using System.Net;
using Gateway.IntegrationTests.Admin;
using Gateway.IntegrationTests.Edge.Authentication;

namespace Gateway.IntegrationTests.Edge;

/// <summary>Headers larger than the edge's limits get a 4xx, never a 500 or a hang; a long credential within them is just refused.</summary>
public sealed class OversizedHeaderTests(EdgeHostFixture fixture) : IClassFixture<EdgeHostFixture>
{
    readonly EdgeHost _host = fixture.Host;

    [Fact]
    public async Task Oversized_headers_answer_431_problem_naming_the_limit()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/whoami");
        request.Headers.TryAddWithoutValidation("X-Api-Key", new string('k', 40 * 1024));

        using var response = await _host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
        Assert.Contains("32768 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_headers_answer_431_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/whoami");
        for (var i = 0; i < 150; i++)
        {
            request.Headers.TryAddWithoutValidation($"X-Filler-{i}", "x");
        }

        using var response = await _host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Fact]
    public async Task Headers_beyond_even_kestrels_ceiling_answer_a_bare_431_not_a_500()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/whoami");
        request.Headers.TryAddWithoutValidation("X-Api-Key", new string('k', 256 * 1024));

        using var response = await _host.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_long_key_within_the_header_limit_is_an_ordinary_401()
    {
        using var response = await AdminClient.GetWithKeyAsync(_host.Client, "/v1/whoami", new string('k', 16 * 1024));

        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
