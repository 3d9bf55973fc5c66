using System.Net;
using Gateway.Edge;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>The same callers, scopes and customer scoping as REST, checked field by field and before any ERP call.</summary>
[Collection(GraphQLTests.Name)]
public sealed class GraphQLScopingTests(GraphQLGateway gateway)
{
    static readonly string[] ReadScopes = [Scopes.CatalogRead, Scopes.PricingRead, Scopes.InventoryRead];

    [Fact]
    public async Task Request_without_a_credential_is_401()
    {
        var answer = await gateway.Client().QueryAsync(null, "{ products(first: 1) { totalCount } }");

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("application/problem+json", answer.MediaType);
    }

    [Fact]
    public async Task Price_for_a_customer_the_caller_does_not_act_for_is_null_with_not_found_and_no_erp_call()
    {
        var sample = await gateway.Simulator.SampleAsync(2, 2, TestContext.Current.CancellationToken);
        var (mine, foreign) = (sample.Customers[0].CustomerId, sample.Customers[1].CustomerId);
        await gateway.Simulator.ResetStatsAsync(TestContext.Current.CancellationToken);

        var answer = await gateway.Client().QueryAsync(
            GraphQLGateway.Storefront(mine, ReadScopes),
            "query($sku: ID!, $customer: ID!) { product(sku: $sku) { sku price(customerId: $customer) { unitPrice } } }",
            new { sku = sample.Skus[0], customer = foreign });

        Assert.Equal(sample.Skus[0], answer.Data!["product"]!["sku"]!.GetValue<string>());
        Assert.Null(answer.Data!["product"]!["price"]);
        Assert.Equal(["NOT_FOUND"], answer.Codes);
        var stats = await gateway.Simulator.GetStatsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, stats.Cloud.CallsOf(ErpCalls.CloudPricing) + stats.Legacy.CallsOf(ErpCalls.LegacyPricing));
    }

    [Fact]
    public async Task Foreign_and_unknown_customers_get_the_same_answer()
    {
        var sample = await gateway.Simulator.SampleAsync(1, 2, TestContext.Current.CancellationToken);
        const string Query = "query($id: ID!) { customer(id: $id) { customerId name } }";

        var foreign = await gateway.Client().QueryAsync(
            GraphQLGateway.Storefront(sample.Customers[0].CustomerId, Scopes.OrdersRead), Query, new { id = sample.Customers[1].CustomerId });
        var unknown = await gateway.Client().QueryAsync(GraphQLGateway.Admin, Query, new { id = "99999999" });

        Assert.Equal(["NOT_FOUND"], foreign.Codes);
        Assert.Equal(["NOT_FOUND"], unknown.Codes);
        Assert.Null(foreign.Data!["customer"]);
        Assert.Null(unknown.Data!["customer"]);
    }

    [Fact]
    public async Task Caller_acting_for_every_customer_must_name_the_one_it_prices_for()
    {
        var sample = await gateway.Simulator.SampleAsync(1, 1, TestContext.Current.CancellationToken);

        var answer = await gateway.Client().QueryAsync(
            GraphQLGateway.Admin, "query($sku: ID!) { product(sku: $sku) { sku price { unitPrice } } }", new { sku = sample.Skus[0] });

        Assert.Null(answer.Data!["product"]!["price"]);
        Assert.Equal(["BAD_USER_INPUT"], answer.Codes);
        Assert.Equal("customerId", answer.Errors[0]["extensions"]!["argument"]!.GetValue<string>());
    }

    [Fact]
    public async Task Price_defaults_to_the_one_customer_the_caller_acts_for()
    {
        var sample = await gateway.Simulator.SampleAsync(1, 1, TestContext.Current.CancellationToken);
        var customer = sample.Customers[0].CustomerId;

        var answer = await gateway.Client().QueryAsync(
            GraphQLGateway.Storefront(customer, ReadScopes),
            "query($sku: ID!) { product(sku: $sku) { price(quantity: 2) { customerId quantity currency } } }",
            new { sku = sample.Skus[0] });

        Assert.Empty(answer.Errors);
        Assert.Equal(customer, answer.Data!["product"]!["price"]!["customerId"]!.GetValue<string>());
        Assert.Equal(2, answer.Data!["product"]!["price"]!["quantity"]!.GetValue<int>());
    }

    [Fact]
    public async Task Fields_whose_scope_is_missing_are_null_with_forbidden_and_cost_no_erp_call()
    {
        var sample = await gateway.Simulator.SampleAsync(1, 1, TestContext.Current.CancellationToken);
        await gateway.Simulator.ResetStatsAsync(TestContext.Current.CancellationToken);

        var answer = await gateway.Client().QueryAsync(
            GraphQLGateway.Storefront(sample.Customers[0].CustomerId, Scopes.CatalogRead),
            "query($sku: ID!) { product(sku: $sku) { sku price { unitPrice } availability { availableToPromise } } }",
            new { sku = sample.Skus[0] });

        var product = answer.Data!["product"]!;
        Assert.Equal(sample.Skus[0], product["sku"]!.GetValue<string>());
        Assert.Null(product["price"]);
        Assert.Null(product["availability"]);
        Assert.Equal(["FORBIDDEN", "FORBIDDEN"], answer.Codes);
        var stats = await gateway.Simulator.GetStatsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, stats.Cloud.CallsOf(ErpCalls.CloudPricing.Concat(ErpCalls.CloudStock)));
    }

    [Fact]
    public async Task Catalog_without_its_scope_is_forbidden()
    {
        var answer = await gateway.Client().QueryAsync(GraphQLGateway.Storefront("20001", Scopes.PricingRead), "{ products { totalCount } }");

        Assert.Null(answer.Data!["products"]);
        Assert.Equal(["FORBIDDEN"], answer.Codes);
    }
}
