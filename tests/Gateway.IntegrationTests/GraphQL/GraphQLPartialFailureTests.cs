using Gateway.Edge;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>When one ERP is down, only the fields it serves are null (with a code); the rest of the page arrives.</summary>
[Collection(GraphQLTests.Name)]
public sealed class GraphQLPartialFailureTests(GraphQLGateway gateway)
{
    [Fact]
    public async Task Prices_from_a_cloud_erp_that_is_down_are_null_with_erp_unavailable_and_the_page_still_arrives()
    {
        // A gateway of its own: the outage opens this gateway's cloud circuit, which must not leak into other tests.
        var client = gateway.Client("Erp:Routing:Products=Legacy", "Erp:Routing:Pricing=Cloud", "Erp:Routing:Inventory=Legacy", "Test:Instance=partial-failure");
        var sample = await gateway.Simulator.SampleAsync(1, 1, TestContext.Current.CancellationToken);
        var caller = GraphQLGateway.Storefront(sample.Customers[0].CustomerId, Scopes.CatalogRead, Scopes.PricingRead, Scopes.InventoryRead);
        await gateway.Simulator.SetFaultsAsync("cloud", outage: true, cancellationToken: TestContext.Current.CancellationToken);
        try
        {
            var answer = await client.QueryAsync(
                caller,
                "{ products(first: 5) { edges { node { sku price { unitPrice } availability { availableToPromise } } } } }");

            var edges = answer.Data!["products"]!["edges"]!.AsArray();
            Assert.Equal(5, edges.Count);
            Assert.All(edges, edge =>
            {
                Assert.NotNull(edge!["node"]!["sku"]);
                Assert.Null(edge["node"]!["price"]);
                Assert.NotNull(edge["node"]!["availability"]!["availableToPromise"]);
            });
            Assert.Equal(5, answer.Errors.Count);
            Assert.All(answer.Errors, error =>
            {
                Assert.Equal("ERP_UNAVAILABLE", error["extensions"]!["code"]!.GetValue<string>());
                Assert.True(error["extensions"]!["retryAfter"]!.GetValue<int>() >= 1);
                Assert.Equal("price", error["path"]!.AsArray()[^1]!.GetValue<string>());
            });
        }
        finally
        {
            await gateway.Simulator.ClearFaultsAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Order_placed_while_the_erp_is_down_is_null_with_erp_unavailable()
    {
        // A gateway of its own, for the same reason as above; the intake's validation asks the cloud ERP for the customer.
        var client = gateway.Client("Erp:Routing:Customers=Cloud", "Erp:Routing:Products=Cloud", "Test:Instance=order-erp-down");
        var sample = await gateway.Simulator.SampleAsync(1, 1, TestContext.Current.CancellationToken);
        var customer = sample.Customers[0];
        await gateway.Simulator.SetFaultsAsync("cloud", outage: true, cancellationToken: TestContext.Current.CancellationToken);
        try
        {
            var answer = await client.QueryAsync(
                GraphQLGateway.Storefront(customer.CustomerId, Scopes.OrdersWrite),
                "mutation($input: PlaceOrderInput!, $key: String!) { placeOrder(input: $input, idempotencyKey: $key) { orderId } }",
                new
                {
                    key = Guid.NewGuid().ToString("N"),
                    input = new { customerId = customer.CustomerId, shipToId = customer.ShipToIds[0], lines = new[] { new { sku = sample.Skus[0], quantity = 1 } } },
                });

            Assert.Null(answer.Data!["placeOrder"]);
            Assert.Equal(["ERP_UNAVAILABLE"], answer.Codes);
            Assert.True(answer.Errors[0]["extensions"]!["retryAfter"]!.GetValue<int>() >= 1);
        }
        finally
        {
            await gateway.Simulator.ClearFaultsAsync(TestContext.Current.CancellationToken);
        }
    }
}
