using System.Net;
using Gateway.IntegrationTests.Admin;

namespace Gateway.IntegrationTests.Edge.Authentication;

/// <summary>Headers larger than the edge's limits get a 4xx, never a 500 or a hang; a long credential within them is just refused.</summary>
public sealed class OversizedHeaderTests(EdgeHostFixture fixture) : IClassFixture<EdgeHostFixture>
{
    readonly EdgeHost _host = fixture.Host;

    [Fact]
    public async Task Oversized_headers_answer_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/whoami");
        request.Headers.TryAddWithoutValidation("X-Api-Key", new string('k', 64 * 1024));

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
