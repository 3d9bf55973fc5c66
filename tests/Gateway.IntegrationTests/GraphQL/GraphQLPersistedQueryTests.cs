using System.Net;
using Gateway.Edge;
using static Gateway.IntegrationTests.GraphQL.PersistedQueryRequests;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>Automatic persisted queries by SHA-256, and the allow-list mode that runs nothing else.</summary>
[Collection(GraphQLTests.Name)]
public sealed class GraphQLPersistedQueryTests(GraphQLGateway gateway)
{
    static string Token => GraphQLGateway.Storefront("20001", Scopes.CatalogRead);

    [Fact]
    public async Task Unknown_hash_answers_persisted_query_not_found()
    {
        var answer = await gateway.Client().PostAsync(Token, Persisted(null, Hash("{ never { sent } }")), accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("PersistedQueryNotFound", answer.Errors[0]["message"]!.GetValue<string>());
        Assert.Equal(["PERSISTED_QUERY_NOT_FOUND"], answer.Codes);
    }

    [Fact]
    public async Task Query_registered_with_its_hash_then_runs_by_hash_alone()
    {
        var client = gateway.Client();
        const string Query = "query Registered { products(first: 3) { totalCount edges { node { sku } } } }";

        var registered = await client.PostAsync(Token, Persisted(Query, Hash(Query)));
        var byHash = await client.PostAsync(Token, Persisted(null, Hash(Query)));

        Assert.Empty(registered.Errors);
        Assert.Empty(byHash.Errors);
        Assert.Equal(3, byHash.Data!["products"]!["edges"]!.AsArray().Count);
    }

    [Fact]
    public async Task Query_registered_while_its_answer_is_kept_then_runs_by_hash_alone()
    {
        var client = gateway.Client();
        var query = $"query Kept{Guid.NewGuid():N} {{ products(first: 2) {{ edges {{ node {{ sku name }} }} }} }}";
        await client.PostAsync(Token, new { query });
        await client.PostAsync(Token, new { query });

        // Answered from the kept answer: the text ran before, within every guardrail, so the registration holds.
        var registered = await client.PostAsync(Token, Persisted(query, Hash(query)));
        var byHash = await client.PostAsync(Token, Persisted(null, Hash(query)));

        Assert.Equal("gateway; hit", registered.Headers.GetValues("Cache-Status").Single());
        Assert.Empty(byHash.Errors);
        Assert.Equal(2, byHash.Data!["products"]!["edges"]!.AsArray().Count);
    }

    [Fact]
    public async Task Hash_that_is_not_the_query_s_is_refused()
    {
        var answer = await gateway.Client().PostAsync(Token, Persisted("{ products { totalCount } }", Hash("{ something { else } }")));

        Assert.Null(answer.Data);
        Assert.Equal(["PERSISTED_QUERY_HASH_MISMATCH"], answer.Codes);
    }

    [Fact]
    public async Task Allow_list_mode_runs_the_shipped_queries_and_nothing_else()
    {
        const string Shipped = "query Shipped { products(first: 2) { edges { node { sku } } } }";
        const string Other = "{ products(first: 2) { totalCount } }";
        var folder = Directory.CreateTempSubdirectory("gateway-persisted-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "shipped.graphql"), Shipped, TestContext.Current.CancellationToken);
            var client = gateway.Client("GraphQL:PersistedQueriesOnly=true", "GraphQL:PersistedQueriesPath=" + folder.FullName);

            var shipped = await client.PostAsync(Token, Persisted(null, Hash(Shipped)));
            var plain = await client.PostAsync(Token, new { query = Other });
            var registration = await client.PostAsync(Token, Persisted(Other, Hash(Other)));

            Assert.Empty(shipped.Errors);
            Assert.Equal(2, shipped.Data!["products"]!["edges"]!.AsArray().Count);
            Assert.Equal(["PERSISTED_QUERY_REQUIRED"], plain.Codes);
            Assert.Equal(["PERSISTED_QUERY_REQUIRED"], registration.Codes);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
