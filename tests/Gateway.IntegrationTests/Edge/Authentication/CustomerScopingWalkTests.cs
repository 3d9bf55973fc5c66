using System.Net;
using System.Text.Json;
using Gateway.GraphQL.Schema;
using Gateway.IntegrationTests.Fixtures;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Edge.Authentication;

/// <summary>
/// The walk the issue asks for: every endpoint that takes a customer, called by a partner key and by a storefront token
/// with a customer they do not act for, answers exactly what the admin gets for a customer that does not exist.
/// </summary>
[Collection(RealGateway.Name)]
public sealed class CustomerScopingWalkTests(CustomerScopingFixture fixture)
{
    const string Missing = "99999999";

    /// <summary>Each endpoint as "METHOD path" (GraphQL: "POST graphql Type.field") and how to call it for a customer (and, for orders, its ship-to).</summary>
    IEnumerable<(string Endpoint, Func<HttpClient, string, string, Task<HttpResponseMessage>> Call)> Endpoints() =>
    [
        ("GET v1/customers/{customerId}", (client, customer, _) => client.GetAsync(new Uri($"v1/customers/{customer}", UriKind.Relative), Ct)),
        ("GET v1/prices", (client, customer, _) => client.GetAsync(new Uri($"v1/prices?customerId={customer}&sku={fixture.Sku}", UriKind.Relative), Ct)),
        ("POST v1/orders", (client, customer, shipTo) => fixture.PlaceOrderAsync(client, customer, shipTo)),
        ("POST graphql Query.customer", (client, customer, _) => GraphQLAsync(client, "query($id: ID!) { customer(id: $id) { customerId name } }", new { id = customer })),
        ("POST graphql Product.price", (client, customer, _) => GraphQLAsync(client,
            "query($sku: ID!, $c: ID) { product(sku: $sku) { sku price(customerId: $c) { unitPrice } } }", new { sku = fixture.Sku, c = customer })),
        ("POST graphql Mutation.placeOrder", (client, customer, shipTo) => GraphQLAsync(client,
            "mutation($input: PlaceOrderInput!, $key: String!) { placeOrder(input: $input, idempotencyKey: $key) { orderId } }",
            new
            {
                key = Guid.NewGuid().ToString("N"),
                input = new { customerId = customer, shipToId = shipTo, poNumber = "PO-SCOPE", lines = new[] { new { sku = fixture.Sku, quantity = fixture.PackSize } } },
            })),
    ];

    /// <summary>Each endpoint that reads an order by id, and how to call it.</summary>
    static IEnumerable<(string Endpoint, Func<HttpClient, string, Task<HttpResponseMessage>> Call)> OrderEndpoints() =>
    [
        ("GET v1/orders/{orderId}", (client, orderId) => client.GetAsync(new Uri($"v1/orders/{orderId}", UriKind.Relative), Ct)),
        ("POST graphql Query.order", (client, orderId) => GraphQLAsync(client, "query($id: ID!) { order(id: $id) { orderId status } }", new { id = orderId })),
    ];

    static Task<HttpResponseMessage> GraphQLAsync(HttpClient client, string query, object variables) =>
        client.PostAsync(new Uri("graphql", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { query, variables }), Ct);

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("partner")]
    [InlineData("storefront")]
    public async Task A_foreign_customer_is_answered_on_every_endpoint_exactly_like_one_that_does_not_exist(string credential)
    {
        var scoped = fixture.ScopedClient(credential);
        foreach (var (endpoint, call) in Endpoints())
        {
            using var own = await call(scoped, fixture.Own.CustomerId, fixture.Own.ShipToIds[0]);
            var ownAnswer = await own.Content.ReadAsStringAsync(Ct);
            Assert.True(own.IsSuccessStatusCode && !ownAnswer.Contains("\"errors\"", StringComparison.Ordinal), $"{endpoint}: own customer answered {ownAnswer}");

            using var missing = await call(fixture.Gateway.Admin, Missing, "1");
            using var foreign = await call(scoped, fixture.Foreign.CustomerId, fixture.Foreign.ShipToIds[0]);

            var expected = await AnswerAsync(missing, Missing);
            Assert.True(missing.StatusCode == HttpStatusCode.NotFound || expected.Contains("NOT_FOUND", StringComparison.Ordinal), $"{endpoint}: {expected}");
            Assert.Equal(expected, await AnswerAsync(foreign, fixture.Foreign.CustomerId));
        }
    }

    [Theory]
    [InlineData("partner")]
    [InlineData("storefront")]
    public async Task A_foreign_customers_order_is_answered_exactly_like_an_order_that_does_not_exist(string credential)
    {
        const string missingOrder = "ord_does_not_exist";
        var scoped = fixture.ScopedClient(credential);
        foreach (var (endpoint, call) in OrderEndpoints())
        {
            using var mine = await call(fixture.Gateway.Admin, fixture.ForeignOrderId);
            var mineAnswer = await mine.Content.ReadAsStringAsync(Ct);
            Assert.True(mine.IsSuccessStatusCode && !mineAnswer.Contains("\"errors\"", StringComparison.Ordinal), $"{endpoint}: the admin got {mineAnswer}");

            using var missing = await call(fixture.Gateway.Admin, missingOrder);
            using var foreign = await call(scoped, fixture.ForeignOrderId);

            var expected = await AnswerAsync(missing, missingOrder);
            Assert.True(missing.StatusCode == HttpStatusCode.NotFound || expected.Contains("NOT_FOUND", StringComparison.Ordinal), $"{endpoint}: {expected}");
            Assert.Equal(expected, await AnswerAsync(foreign, fixture.ForeignOrderId));
        }
    }

    [Fact]
    public void The_walk_covers_every_endpoint_with_a_customer_parameter()
    {
        var described = fixture.Gateway.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(group => group.Items)
            .Where(d => d.ParameterDescriptions.Any(p => p.Name.Equals("customerId", StringComparison.OrdinalIgnoreCase)))
            .Select(d => $"{d.HttpMethod} {d.RelativePath?.TrimEnd('/')}")
            .ToList();
        var walked = Endpoints().Select(e => e.Endpoint).ToHashSet();

        Assert.Contains("GET v1/customers/{customerId}", described);
        Assert.All(described, endpoint => Assert.Contains(endpoint, walked));
    }

    [Fact]
    public void The_walk_covers_every_graphql_field_that_takes_a_customer_or_an_order()
    {
        var schema = fixture.Gateway.Services.GetRequiredService<GatewaySchema>();
        schema.Initialize();
        var fields = schema.AllTypes.OfType<IObjectGraphType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal))
            .SelectMany(type => type.Fields.Where(TakesACustomerOrAnOrder).Select(field => $"POST graphql {type.Name}.{field.Name}"))
            .ToList();
        var walked = Endpoints().Select(e => e.Endpoint).Concat(OrderEndpoints().Select(e => e.Endpoint)).ToHashSet();

        Assert.Contains("POST graphql Query.order", fields);
        Assert.Contains("POST graphql Mutation.placeOrder", fields);
        Assert.All(fields, field => Assert.Contains(field, walked));
    }

    /// <summary>An argument named customerId, an input with a customerId, or the id of a field answering a customer or an order.</summary>
    static bool TakesACustomerOrAnOrder(FieldType field) =>
        field.Arguments?.Any(argument =>
            argument.Name == "customerId"
            || (argument.ResolvedType!.GetNamedType() is IInputObjectGraphType input && input.HasField("customerId"))
            || (argument.Name == "id" && field.ResolvedType!.GetNamedType().Name is "Customer" or "Order")) == true;

    /// <summary>Status, media type and body, with the per-request trace id dropped and the asked id written as "{id}".</summary>
    static async Task<string> AnswerAsync(HttpResponseMessage response, string id)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        var body = JsonSerializer.Deserialize<JsonElement>(text);
        var fields = body.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value);
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} "
            + JsonSerializer.Serialize(fields).Replace(id, "{id}", StringComparison.Ordinal);
    }
}
