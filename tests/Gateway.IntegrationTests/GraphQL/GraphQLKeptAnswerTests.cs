using System.Net;
using Gateway.Edge;
using Gateway.IntegrationTests.Caching;
using Gateway.IntegrationTests.Events;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>
/// A query asked again is answered from its kept answer, without running it and without an ERP call, while everything
/// it was built from holds: a change event retires it at once, and it never reaches a caller with other rights.
/// </summary>
[Collection(GraphQLTests.Name)]
public sealed class GraphQLKeptAnswerTests(GraphQLGateway gateway)
{
    const string Page = """
        query Page($first: Int!) {
          products(first: $first) { edges { node {
            sku name
            price(quantity: 3) { unitPrice currency source }
            availability { warehouses { warehouseId onHand } }
          } } }
        }
        """;

    static readonly object Variables = new { first = 5 };

    static readonly string[] ReadScopes = [Scopes.CatalogRead, Scopes.PricingRead, Scopes.InventoryRead];

    /// <summary>Change events posted as the ERP would; stock kept for 10 minutes, so only the event can make it fresh.</summary>
    static readonly string[] Settings =
    [
        "Events:WebhookSecret=" + CacheTestHost.WebhookSecret,
        "Caching:StockTtl=00:10:00",
        "Caching:StockMaxStaleness=00:10:00",
    ];

    [Fact]
    public async Task Page_asked_again_is_the_kept_answer_without_an_erp_call_until_a_stock_change_retires_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = gateway.Client([.. Settings, "Test:Instance=kept-stock"]);
        var customer = (await gateway.Simulator.SampleAsync(1, 1, ct)).Customers[0].CustomerId;
        var token = GraphQLGateway.Storefront(customer, ReadScopes);

        var cold = await client.QueryAsync(token, Page, Variables);
        var built = await client.QueryAsync(token, Page, Variables);
        await gateway.Simulator.ResetStatsAsync(ct);
        var kept = await client.QueryAsync(token, Page, Variables);
        var keptCalls = (await gateway.Simulator.GetStatsAsync(ct)).ForegroundCalls();

        var node = built.Data!["products"]!["edges"]![0]!["node"]!;
        var sku = node["sku"]!.GetValue<string>();
        var warehouse = node["availability"]!["warehouses"]![0]!["warehouseId"]!.GetValue<string>();
        var onHand = node["availability"]!["warehouses"]![0]!["onHand"]!.GetValue<int>() + 7;
        await SimChanges.SetStockAsync(gateway.Simulator, sku, warehouse, onHand);
        using var accepted = await Webhooks.PostSignedAsync(client, Webhooks.Event("inventory.changed", sku: sku));
        var after = await client.QueryAsync(token, Page, Variables);

        Assert.Empty(cold.Errors);
        Assert.Null(CacheStatus(cold));
        Assert.Null(CacheStatus(built));
        Assert.Equal("gateway; hit", CacheStatus(kept));
        Assert.Equal(built.Body, kept.Body);
        Assert.Equal(0, keptCalls);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Null(CacheStatus(after));
        Assert.Equal(onHand, OnHand(after, sku, warehouse));
    }

    [Fact]
    public async Task Kept_answer_goes_only_to_callers_with_the_same_scopes_and_customers_and_an_answer_with_errors_is_never_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = gateway.Client([.. Settings, "Test:Instance=kept-rights"]);
        var customers = (await gateway.Simulator.SampleAsync(1, 2, ct)).Customers;
        // Every storefront token of the tests has the same subject: only the customer and the scopes tell them apart.
        var first = GraphQLGateway.Storefront(customers[0].CustomerId, ReadScopes);
        var other = GraphQLGateway.Storefront(customers[1].CustomerId, ReadScopes);
        var noPrices = GraphQLGateway.Storefront(customers[0].CustomerId, Scopes.CatalogRead, Scopes.InventoryRead);
        await client.QueryAsync(first, Page, Variables);
        await client.QueryAsync(first, Page, Variables);

        var firstKept = await client.QueryAsync(first, Page, Variables);
        var otherCustomer = await client.QueryAsync(other, Page, Variables);
        var refused = await client.QueryAsync(noPrices, Page, Variables);
        var refusedAgain = await client.QueryAsync(noPrices, Page, Variables);
        var firstStillKept = await client.QueryAsync(first, Page, Variables);

        Assert.Equal("gateway; hit", CacheStatus(firstKept));
        Assert.Null(CacheStatus(otherCustomer));
        Assert.Empty(otherCustomer.Errors);
        Assert.Null(CacheStatus(refused));
        Assert.Contains("FORBIDDEN", refused.Codes);
        Assert.Null(CacheStatus(refusedAgain));
        Assert.Contains("FORBIDDEN", refusedAgain.Codes);
        Assert.Equal("gateway; hit", CacheStatus(firstStillKept));
        Assert.Equal(firstKept.Body, firstStillKept.Body);
    }

    [Fact]
    public async Task Nothing_is_kept_when_answers_are_not_to_be_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = gateway.Client([.. Settings, "GraphQL:KeepAnswersFor=00:00:00", "Test:Instance=kept-off"]);
        var customer = (await gateway.Simulator.SampleAsync(1, 1, ct)).Customers[0].CustomerId;
        var token = GraphQLGateway.Storefront(customer, ReadScopes);

        var answers = new List<GraphQLAnswer>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await client.QueryAsync(token, Page, Variables));
        }

        Assert.All(answers, a => Assert.Null(CacheStatus(a)));
        Assert.All(answers, a => Assert.Empty(a.Errors));
    }

    static string? CacheStatus(GraphQLAnswer answer) =>
        answer.Headers.TryGetValues("Cache-Status", out var values) ? string.Join(", ", values) : null;

    static int OnHand(GraphQLAnswer answer, string sku, string warehouse) =>
        answer.Data!["products"]!["edges"]!.AsArray()
            .Select(e => e!["node"]!)
            .Single(n => n["sku"]!.GetValue<string>() == sku)["availability"]!["warehouses"]!.AsArray()
            .Single(w => w!["warehouseId"]!.GetValue<string>() == warehouse)!["onHand"]!.GetValue<int>();
}
