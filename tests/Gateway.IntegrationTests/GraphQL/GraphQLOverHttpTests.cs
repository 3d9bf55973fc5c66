using System.Net;
using Gateway.Edge;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>
/// Status codes as GraphQL over HTTP sets them (tests/graphql-http-audit.sh runs the whole official audit): a body that is
/// not a GraphQL-over-HTTP request is refused with 400 whatever the client accepts; a well-formed request that cannot
/// run answers 200 under <c>application/json</c>, as older clients expect.
/// </summary>
[Collection(GraphQLTests.Name)]
public sealed class GraphQLOverHttpTests(GraphQLGateway gateway)
{
    static string Token => GraphQLGateway.Storefront("20001", Scopes.CatalogRead);

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/graphql-response+json")]
    public async Task Body_without_a_query_is_refused_with_400_whatever_the_client_accepts(string accept)
    {
        var answer = await gateway.Client().PostAsync(Token, new { qeury = "{ __typename }" }, accept);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(accept, answer.MediaType);
        Assert.Null(answer.Data);
        Assert.Equal(["BAD_USER_INPUT"], answer.Codes);
    }

    [Theory]
    [InlineData("text/plain", "{ __typename }", 415, "unsupported-media-type")]
    [InlineData("application/json", "[1, 2]", 400, "invalid-request")]
    [InlineData("application/json", "{\"query\": \"{ __typename }\", \"variables\": [1]}", 400, "invalid-request")]
    public async Task A_request_that_is_not_graphql_over_http_is_a_problem_of_the_catalog(string contentType, string body, int status, string type)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);

        using var response = await gateway.Client().SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("https://gateway.example/problems/" + type, problem.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Query_that_cannot_run_answers_200_under_application_json()
    {
        var answer = await gateway.Client().PostAsync(Token, new { query = "{ 8f31403dfe404bccbb0e835f2629c6a7 }" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Null(answer.Data);
        Assert.NotEmpty(answer.Errors);
    }
}
