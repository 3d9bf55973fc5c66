using Gateway.Edge;
using Gateway.IntegrationTests.Fixtures;

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

    const string PlaceOrder = "mutation($input: PlaceOrderInput!, $key: String!) { placeOrder(input: $input, idempotencyKey: $key) { orderId } }";

    [Fact]
    public async Task Order_placed_while_the_erp_is_down_is_null_with_erp_unavailable()
    {
        // A gateway of its own, for the same reason as above; the intake's validation asks the cloud ERP for the customer.
        var client = gateway.Client("Erp:Routing:Customers=Cloud", "Erp:Routing:Products=Cloud", "Test:Instance=order-erp-down");
        var sample = await gateway.Simulator.SampleAsync(1, 1, TestContext.Current.CancellationToken);
        await gateway.Simulator.SetFaultsAsync("cloud", outage: true, cancellationToken: TestContext.Current.CancellationToken);
        try
        {
            var answer = await client.QueryAsync(
                GraphQLGateway.Storefront(sample.Customers[0].CustomerId, Scopes.OrdersWrite),
                PlaceOrder,
                new { key = Guid.NewGuid().ToString("N"), input = OrderInput(sample) });

            Assert.Null(answer.Data!["placeOrder"]);
            Assert.Equal(["ERP_UNAVAILABLE"], answer.Codes);
            Assert.True(answer.Errors[0]["extensions"]!["retryAfter"]!.GetValue<int>() >= 1);
        }
        finally
        {
            await gateway.Simulator.ClearFaultsAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Order_placed_while_the_order_store_is_down_is_null_with_store_unavailable()
    {
        await using var redis = new RedisServer();
        await redis.StartAsync();
        await using var own = await gateway.StartOwnAsync("ConnectionStrings:Redis=" + redis.ConnectionString, "Test:Instance=order-store-down");
        var client = own.Client;
        var sample = await gateway.Simulator.SampleAsync(1, 5, TestContext.Current.CancellationToken);
        var customer = sample.Customers.First(c => c.CreditStatus == "Ok");
        var (sku, packSize) = (await Orders.OrdersFixture.PackSizesAsync(gateway.Simulator, sample.Skus))[0];
        var input = new { customerId = customer.CustomerId, shipToId = customer.ShipToIds[0], lines = new[] { new { sku, quantity = packSize } } };
        var token = GraphQLGateway.Storefront(customer.CustomerId, Scopes.OrdersWrite);
        var placed = await client.QueryAsync(token, PlaceOrder, new { key = Guid.NewGuid().ToString("N"), input });
        Assert.True(placed.Errors.Count == 0, placed.Body);

        await redis.StopAsync();
        var answer = await client.QueryAsync(token, PlaceOrder, new { key = Guid.NewGuid().ToString("N"), input });

        Assert.Null(answer.Data!["placeOrder"]);
        Assert.Equal(["STORE_UNAVAILABLE"], answer.Codes);
        Assert.DoesNotContain(redis.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), answer.Body, StringComparison.Ordinal);
    }

    /// <summary>One each of the first SKU: the ERP is down before the intake looks at pack sizes.</summary>
    static object OrderInput(SimSample sample) => new
    {
        customerId = sample.Customers[0].CustomerId,
        shipToId = sample.Customers[0].ShipToIds[0],
        lines = new[] { new { sku = sample.Skus[0], quantity = 1 } },
    };
}
