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

    [Fact]
    public async Task Query_that_cannot_run_answers_200_under_application_json()
    {
        var answer = await gateway.Client().PostAsync(Token, new { query = "{ 8f31403dfe404bccbb0e835f2629c6a7 }" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Null(answer.Data);
        Assert.NotEmpty(answer.Errors);
    }
}
