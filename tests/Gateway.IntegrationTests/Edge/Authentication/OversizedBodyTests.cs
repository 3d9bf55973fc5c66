using System.Net;
using System.Text;

namespace Gateway.IntegrationTests.Edge.Authentication;

/// <summary>Bodies beyond <c>Edge:Requests:MaxBodyBytes</c> (1 MiB) answer a 4xx problem+json on the real host, never a 500.</summary>
[Collection(RealGateway.Name)]
public sealed class OversizedBodyTests(CustomerScopingFixture fixture)
{
    static StringContent Oversized() =>
        new($$"""{"name":"{{new string('a', 2 * 1024 * 1024)}}"}""", Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("admin/partners", HttpStatusCode.RequestEntityTooLarge)]
    // Orders read their body themselves, under a tighter limit of their own, and name the field: a 400 is right too.
    [InlineData("v1/orders", HttpStatusCode.BadRequest)]
    public async Task An_oversized_body_answers_a_4xx_problem(string path, HttpStatusCode expected)
    {
        using var content = Oversized();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        // As a client sending a large body should: the gateway answers before the body is sent, so the answer cannot
        // lose a race with the client still writing into a connection the server has closed ("broken pipe").
        request.Headers.ExpectContinue = true;

        using var response = await fixture.Gateway.Admin.SendAsync(request, TestContext.Current.CancellationToken);

        await Problems.AssertProblemAsync(response, expected);
    }

    [Fact]
    public async Task An_oversized_chunked_body_answers_413_problem()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 2 * 1024 * 1024) + "{}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "admin/partners") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await fixture.Gateway.Admin.SendAsync(request, TestContext.Current.CancellationToken);

        await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}
