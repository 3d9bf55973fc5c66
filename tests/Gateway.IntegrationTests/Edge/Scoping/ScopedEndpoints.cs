using System.Text.Json;

namespace Gateway.IntegrationTests.Edge.Scoping;

/// <summary>The endpoints that take a customer or an order, as the scoping walk and the isolation sweep call them.</summary>
internal static class ScopedEndpoints
{
    /// <summary>Each endpoint as "METHOD path" (GraphQL: "POST graphql Type.field") and how to call it for a customer (and, for orders, its ship-to).</summary>
    public static IEnumerable<(string Endpoint, Func<HttpClient, string, string, Task<HttpResponseMessage>> Call)> WithCustomer(CustomerScopingFixture fixture) =>
    [
        ("GET v1/customers/{customerId}", (client, customer, _) => client.GetAsync(new Uri($"v1/customers/{customer}", UriKind.Relative), Ct)),
        ("GET v1/prices", (client, customer, _) => client.GetAsync(new Uri($"v1/prices?customerId={customer}&sku={fixture.Sku}", UriKind.Relative), Ct)),
        ("POST v1/orders", (client, customer, shipTo) => fixture.PlaceOrderAsync(client, customer, shipTo)),
        ("GET v2/customers/{customerId}", (client, customer, _) => client.GetAsync(new Uri($"v2/customers/{customer}", UriKind.Relative), Ct)),
        ("GET v2/prices", (client, customer, _) => client.GetAsync(new Uri($"v2/prices?customerId={customer}&sku={fixture.Sku}", UriKind.Relative), Ct)),
        ("GET v1/invoices", (client, customer, _) => client.GetAsync(new Uri($"v1/invoices?customerId={customer}", UriKind.Relative), Ct)),
        ("POST graphql Query.customer", (client, customer, _) => GraphQLAsync(client, "query($id: ID!) { customer(id: $id) { customerId name } }", new { id = customer })),
        ("POST graphql Query.invoices", (client, customer, _) => GraphQLAsync(client,
            "query($c: ID) { invoices(customerId: $c) { items { invoiceId } nextCursor } }", new { c = customer })),
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
    public static IEnumerable<(string Endpoint, Func<HttpClient, string, Task<HttpResponseMessage>> Call)> WithOrder() =>
    [
        ("GET v1/orders/{orderId}", (client, orderId) => client.GetAsync(new Uri($"v1/orders/{orderId}", UriKind.Relative), Ct)),
        ("GET v1/orders/{orderId}/shipments", (client, orderId) => client.GetAsync(new Uri($"v1/orders/{orderId}/shipments", UriKind.Relative), Ct)),
        ("POST graphql Query.order", (client, orderId) => GraphQLAsync(client, "query($id: ID!) { order(id: $id) { orderId status } }", new { id = orderId })),
    ];

    static Task<HttpResponseMessage> GraphQLAsync(HttpClient client, string query, object variables) =>
        client.PostAsync(new Uri("graphql", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { query, variables }), Ct);

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Status, media type and body, with the per-request trace id dropped and the asked id written as "{id}".</summary>
    public static async Task<string> AnswerAsync(HttpResponseMessage response, string id)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        var body = JsonSerializer.Deserialize<JsonElement>(text);
        var fields = body.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value);
        return $"{(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType} "
            + JsonSerializer.Serialize(fields).Replace(id, "{id}", StringComparison.Ordinal);
    }
}
