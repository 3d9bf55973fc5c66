using System.Net;
using Gateway.Edge;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>Queries too deep, too costly or too large are refused while they are validated, before any ERP call.</summary>
[Collection(GraphQLTests.Name)]
public sealed class GraphQLGuardrailTests(GraphQLGateway gateway)
{
    static string Token => GraphQLGateway.Storefront("20001", Scopes.CatalogRead, Scopes.PricingRead, Scopes.InventoryRead);

    [Fact]
    public async Task Too_deep_query_is_refused_before_any_erp_call()
    {
        var client = gateway.Client("GraphQL:MaxDepth=4");
        await gateway.Simulator.ResetStatsAsync(TestContext.Current.CancellationToken);

        var answer = await client.PostAsync(
            Token,
            new { query = "{ products(first: 1) { edges { node { price { breaks { minQuantity } } } } } }" },
            accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Null(answer.Data);
        Assert.Contains("depth", answer.Errors[0]["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        await AssertNoErpCallAsync();
    }

    [Fact]
    public async Task Too_costly_query_is_refused_before_any_erp_call()
    {
        await gateway.Simulator.ResetStatsAsync(TestContext.Current.CancellationToken);

        // 100 products, each with five prices carrying their breaks and the stock of every warehouse: far over 10,000.
        var answer = await gateway.Client().QueryAsync(Token, """
            { products(first: 100) { edges { node {
                sku name description category uom packSize status version updatedAt
                a: price(quantity: 1) { unitPrice listPrice source breaks { minQuantity unitPrice } }
                b: price(quantity: 10) { unitPrice listPrice source breaks { minQuantity unitPrice } }
                c: price(quantity: 100) { unitPrice listPrice source breaks { minQuantity unitPrice } }
                d: price(quantity: 1000) { unitPrice listPrice source breaks { minQuantity unitPrice } }
                e: price(quantity: 5000) { unitPrice listPrice source breaks { minQuantity unitPrice } }
                availability { availableToPromise onHand reserved warehouses { warehouseId onHand reserved safetyStock availableToPromise } }
            } } } }
            """);

        Assert.Null(answer.Data);
        var message = answer.Errors[0]["message"]!.GetValue<string>();
        Assert.Contains("complex", message, StringComparison.OrdinalIgnoreCase);
        await AssertNoErpCallAsync();
    }

    [Fact]
    public async Task Page_larger_than_100_is_refused_naming_first()
    {
        await gateway.Simulator.ResetStatsAsync(TestContext.Current.CancellationToken);

        var answer = await gateway.Client().QueryAsync(Token, "{ products(first: 101) { edges { node { sku } } } }");

        Assert.Null(answer.Data!["products"]);
        Assert.Equal(["BAD_USER_INPUT"], answer.Codes);
        Assert.Equal("first", answer.Errors[0]["extensions"]!["argument"]!.GetValue<string>());
        await AssertNoErpCallAsync();
    }

    [Fact]
    public async Task Introspection_can_be_switched_off()
    {
        const string Query = "{ __schema { queryType { name } } }";

        var on = await gateway.Client().QueryAsync(Token, Query);
        var off = await gateway.Client("GraphQL:Introspection=false").QueryAsync(Token, Query);

        Assert.Equal("Query", on.Data!["__schema"]!["queryType"]!["name"]!.GetValue<string>());
        Assert.Null(off.Data);
        Assert.NotEmpty(off.Errors);
    }

    [Fact]
    public async Task Query_can_be_sent_by_get()
    {
        var client = gateway.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ products(first: 2) { totalCount } }"));
        request.Headers.Authorization = new("Bearer", Token);

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"totalCount\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mutation_sent_by_get_is_refused_before_it_runs()
    {
        var sample = await gateway.Simulator.SampleAsync(1, 1, TestContext.Current.CancellationToken);
        var customer = sample.Customers[0];
        var mutation = $$"""
            mutation { placeOrder(idempotencyKey: "get-{{Guid.NewGuid():N}}",
              input: { customerId: "{{customer.CustomerId}}", shipToId: "{{customer.ShipToIds[0]}}", lines: [{ sku: "{{sample.Skus[0]}}", quantity: 1 }] }) { orderId } }
            """;
        await gateway.Simulator.ResetStatsAsync(TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(mutation));
        request.Headers.Authorization = new("Bearer", GraphQLGateway.Admin);

        using var response = await gateway.Client().SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.DoesNotContain("\"data\"", body, StringComparison.Ordinal);
        Assert.Contains("send mutations by POST", body, StringComparison.Ordinal);
        await AssertNoErpCallAsync();
    }

    [Fact]
    public async Task Query_sent_again_still_spends_its_cost_from_the_callers_plan()
    {
        // 10 tokens of burst, 1 more a second; the page costs about 80, so 8 tokens beyond the request's own at 10 a token.
        var client = gateway.Client("Auth:Storefront:RequestsPerSecond=1", "Auth:Storefront:Burst=10", "GraphQL:CostPerToken=10");
        const string Page = "{ products(first: 20) { edges { node { sku name } } } }";

        var first = await client.QueryAsync(Token, Page);
        var again = await client.QueryAsync(Token, Page);

        // The second is parsed and checked from the document remembered the first time: its cost is charged all the same.
        Assert.Empty(first.Errors);
        Assert.Equal(HttpStatusCode.TooManyRequests, again.Status);
        Assert.Equal(["RATE_LIMITED"], again.Codes);
    }

    [Fact]
    public async Task Invalid_query_is_refused_every_time_it_is_sent()
    {
        var client = gateway.Client();
        const string Invalid = "{ products(first: 2) { edges { node { sku nosuchfield } } } }";

        var answers = new[] { await client.QueryAsync(Token, Invalid), await client.QueryAsync(Token, Invalid) };

        Assert.All(answers, answer =>
        {
            Assert.Null(answer.Data);
            Assert.Contains("nosuchfield", answer.Errors[0]["message"]!.GetValue<string>(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Mutation_valid_by_post_is_still_refused_by_get()
    {
        // The same text by POST first (refused for its input, but a valid document), then by GET.
        const string Mutation = """mutation { placeOrder(idempotencyKey: "x", input: { customerId: "1", shipToId: "1", lines: [] }) { orderId } }""";
        await gateway.Client().QueryAsync(GraphQLGateway.Admin, Mutation);
        await gateway.Simulator.ResetStatsAsync(TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(Mutation));
        request.Headers.Authorization = new("Bearer", GraphQLGateway.Admin);

        using var response = await gateway.Client().SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("send mutations by POST", body, StringComparison.Ordinal);
        await AssertNoErpCallAsync();
    }

    async Task AssertNoErpCallAsync()
    {
        var stats = await gateway.Simulator.GetStatsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, stats.ForegroundCalls());
    }
}
