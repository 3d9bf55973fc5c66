using System.Net;
using System.Text;
using Gateway.IntegrationTests.Edge.Authentication;
using Gateway.IntegrationTests.Edge.Scoping;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Edge;

/// <summary>
/// Bodies beyond <c>Edge:Requests:MaxBodyBytes</c> (1 MiB) answer 413 <c>payload-too-large</c> problem+json at every door
/// that reads a body, whether the Content-Length declares it or a chunked body grows past it; never a 400 or a 500.
/// </summary>
[Collection(RealGateway.Name)]
public sealed class OversizedBodyTests(CustomerScopingFixture fixture)
{
    const string PayloadTooLarge = "https://gateway.example/problems/payload-too-large";

    public static TheoryData<string> Doors() => ["admin/partners", "v1/orders", "graphql", "events/erp"];

    [Theory]
    [MemberData(nameof(Doors))]
    public async Task A_body_declared_larger_than_the_limit_answers_413_problem(string path)
    {
        using var content = new StringContent($$"""{"name":"{{new string('a', 2 * 1024 * 1024)}}"}""", Encoding.UTF8, "application/json");
        using var request = Post(path, content);
        // As a client sending a large body should: the gateway answers before the body is sent, so the answer cannot
        // lose a race with the client still writing into a connection the server has closed ("broken pipe").
        request.Headers.ExpectContinue = true;

        using var response = await OwnConnection().SendAsync(request, TestContext.Current.CancellationToken);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(PayloadTooLarge, problem.GetProperty("type").GetString());
    }

    [Theory]
    [MemberData(nameof(Doors))]
    public async Task A_chunked_body_that_grows_past_the_limit_answers_413_problem(string path)
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 2 * 1024 * 1024) + "{}")));
        content.Headers.ContentType = new("application/json");
        using var request = Post(path, content);
        request.Headers.TransferEncodingChunked = true;

        using var response = await OwnConnection().SendAsync(request, TestContext.Current.CancellationToken);

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(PayloadTooLarge, problem.GetProperty("type").GetString());
    }

    /// <summary>
    /// An admin client of its own: the server closes a connection after a 413 whose body it did not read, and a shared
    /// client could send the next case on that connection before seeing it close ("the response ended prematurely").
    /// </summary>
    HttpClient OwnConnection() => fixture.Gateway.ClientFor(TestTokens.AdminToken);

    static HttpRequestMessage Post(string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return request;
    }
}
