using System.Text.Json.Nodes;
using Gateway.Edge;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>A page of products with price and availability costs one ERP call per domain and batch, not one per product.</summary>
[Collection(GraphQLTests.Name)]
public sealed class GraphQLBatchingTests(GraphQLGateway gateway)
{
    const string Page = """
        query Page($first: Int!, $quantity: Int!) {
          products(first: $first) {
            edges { node {
              sku name
              price(quantity: $quantity) { unitPrice listPrice currency source breaks { minQuantity unitPrice } }
              availability { availableToPromise warehouses { warehouseId availableToPromise } }
            } }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    static readonly string[] ReadScopes = [Scopes.CatalogRead, Scopes.PricingRead, Scopes.InventoryRead];

    /// <remarks>
    /// The pricing port may compose a quote from several ERP operations (the shared cache asks for contracts, promotions
    /// and list prices apart); each of them must be batched, so none may cost more than <c>ceil(50 / max batch)</c> calls.
    /// </remarks>
    [Theory]
    [InlineData("Cloud", 100)]
    [InlineData("Legacy", 50)]
    public async Task Page_of_50_priced_products_costs_one_batch_per_erp_operation_cold_and_no_call_warm(string erp, int maxBatch)
    {
        // A gateway of its own, so that its cache starts cold.
        var client = gateway.Client("Erp:Routing:Pricing=" + erp, "Erp:Routing:Inventory=" + erp, "Test:Instance=batching");
        var customer = (await gateway.Simulator.SampleAsync(1, 2, TestContext.Current.CancellationToken)).Customers[erp == "Cloud" ? 0 : 1].CustomerId;
        var token = GraphQLGateway.Storefront(customer, ReadScopes);
        var batches = (50 + maxBatch - 1) / maxBatch;
        await gateway.Simulator.ResetStatsAsync(TestContext.Current.CancellationToken);

        AssertFullPage(await client.QueryAsync(token, Page, new { first = 50, quantity = 12 }), 50);

        var cold = (await gateway.Simulator.GetStatsAsync(TestContext.Current.CancellationToken)).Of(erp);
        Assert.All(ErpCalls.Pricing(erp).Concat(ErpCalls.Stock(erp)), operation => Assert.InRange(cold.CallsOf(operation), 0, batches));
        Assert.InRange(cold.CallsOf(ErpCalls.Pricing(erp)), 1, ErpCalls.Pricing(erp).Length * batches);
        Assert.Equal(batches, cold.CallsOf(ErpCalls.Stock(erp)));

        await gateway.Simulator.ResetStatsAsync(TestContext.Current.CancellationToken);
        AssertFullPage(await client.QueryAsync(token, Page, new { first = 50, quantity = 12 }), 50);

        var warm = (await gateway.Simulator.GetStatsAsync(TestContext.Current.CancellationToken)).Of(erp);
        Assert.Equal(0, warm.CallsOf(ErpCalls.Pricing(erp).Concat(ErpCalls.Stock(erp))));
    }

    [Fact]
    public async Task Two_quantities_for_one_customer_cost_at_most_one_batch_per_erp_operation_each()
    {
        var client = gateway.Client("Test:Instance=two-quantities");
        var customer = (await gateway.Simulator.SampleAsync(1, 3, TestContext.Current.CancellationToken)).Customers[2].CustomerId;
        await gateway.Simulator.ResetStatsAsync(TestContext.Current.CancellationToken);

        var answer = await client.QueryAsync(
            GraphQLGateway.Storefront(customer, ReadScopes),
            "{ products(first: 30) { edges { node { sku one: price(quantity: 1) { unitPrice } many: price(quantity: 100) { unitPrice } } } } }");

        Assert.True(answer.Errors.Count == 0, answer.Body);
        var cloud = (await gateway.Simulator.GetStatsAsync(TestContext.Current.CancellationToken)).Cloud;
        Assert.All(ErpCalls.CloudPricing, operation => Assert.InRange(cloud.CallsOf(operation), 0, 2));
        Assert.True(cloud.CallsOf(ErpCalls.CloudPricing) >= 1);
    }

    static void AssertFullPage(GraphQLAnswer answer, int size)
    {
        Assert.True(answer.Errors.Count == 0, answer.Body);
        var edges = answer.Data!["products"]!["edges"]!.AsArray();
        Assert.Equal(size, edges.Count);
        Assert.All(edges, edge =>
        {
            var node = edge!["node"]!;
            Assert.NotNull(node["price"]?["unitPrice"]);
            Assert.IsType<JsonArray>(node["availability"]?["warehouses"], exactMatch: false);
        });
        Assert.True(answer.Data!["products"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }
}
