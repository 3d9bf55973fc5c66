using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Edge;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Orders;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>
/// <c>placeOrder</c> and <c>order(id)</c> on the real gateway process with Redis: the REST intake's rules, idempotency
/// keys shared with <c>POST /v1/orders</c>, and exactly one ERP sales order per placed order.
/// </summary>
[Collection(SharedOrders.Name)]
public sealed class GraphQLOrderTests(OrdersFixture fixture)
{
    const string PlaceOrder = """
        mutation Place($input: PlaceOrderInput!, $key: String!) {
          placeOrder(input: $input, idempotencyKey: $key) { orderId customerId status lines { sku quantity unitPrice } }
        }
        """;

    /// <summary>Every field, in the order REST writes them, so the two answers compare as JSON.</summary>
    const string OrderQuery = """
        query Order($id: ID!) {
          order(id: $id) {
            orderId customerId shipToId poNumber lines { sku quantity unitPrice } status
            statusHistory { status at reason } erpOrderNumber shipments { carrier trackingNumber } createdAt
          }
        }
        """;

    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly HttpClient _gateway = fixture.Gateway.Client;
    readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    string Token => TokenFor(fixture.Customers[0].CustomerId);

    [Fact]
    public async Task Placed_twice_with_one_key_is_one_order_and_one_erp_sales_order_and_rest_replays_it_too()
    {
        var key = OrderBodies.NewKey();
        var input = OrderBodies.Valid(fixture);

        var first = await PlaceAsync(Token, input, key);
        var repeat = await PlaceAsync(Token, input, key);
        using var rest = await PostOrderAsync(_gateway, Token, key, input, _ct);

        var orderId = OrderId(first);
        Assert.Equal(orderId, OrderId(repeat));
        Assert.Equal(HttpStatusCode.Accepted, rest.StatusCode);
        Assert.Equal(orderId, (await OrderBodies.ReadOrderAsync(rest, _ct)).OrderId);
        await Eventually.HoldsAsync(async () => (await ErpOrdersAsync(fixture.Simulator, orderId, _ct)).Count > 0, _ct);
        Assert.Single(await ErpOrdersAsync(fixture.Simulator, orderId, _ct));
    }

    [Fact]
    public async Task Another_input_under_a_used_key_is_refused_and_places_nothing()
    {
        var key = OrderBodies.NewKey();
        var poNumber = "PO-" + key[..12];
        var first = await PlaceAsync(Token, WithPo(OrderBodies.Valid(fixture, lines: 1), poNumber), key);
        var other = await PlaceAsync(Token, WithPo(OrderBodies.Valid(fixture, lines: 2), poNumber), key);

        var orderId = OrderId(first);
        Assert.Null(other.Data!["placeOrder"]);
        Assert.Equal(["IDEMPOTENCY_KEY_REUSED"], other.Codes);
        Assert.Equal("idempotencyKey", other.Errors[0]["extensions"]!["argument"]!.GetValue<string>());
        await Eventually.HoldsAsync(async () => (await ErpOrdersAsync(fixture.Simulator, orderId, _ct)).Count > 0, _ct);
        var erpOrders = await fixture.Simulator.Client.GetFromJsonAsync<JsonArray>("_sim/orders", _ct);
        Assert.Single(erpOrders!, o => o!["poNumber"]?.GetValue<string>() == poNumber);
        Assert.Equal(orderId, OrderId(await PlaceAsync(Token, WithPo(OrderBodies.Valid(fixture, lines: 1), poNumber), key)));
    }

    [Fact]
    public async Task Refused_input_names_each_bad_field_and_leaves_the_key_free()
    {
        var (sku, pack) = fixture.Skus.First(s => s.PackSize > 1);
        var customer = fixture.Customers[0];
        var key = OrderBodies.NewKey();
        var broken = new
        {
            customerId = customer.CustomerId,
            shipToId = "no-such-ship-to",
            lines = new[] { new { sku, quantity = pack + 1 }, new { sku = "999999", quantity = 1 } },
        };

        var refused = await PlaceAsync(Token, broken, key);
        var corrected = await PlaceAsync(Token, OrderBodies.Valid(fixture), key);

        Assert.Null(refused.Data!["placeOrder"]);
        Assert.All(refused.Codes, code => Assert.Equal("BAD_USER_INPUT", code));
        Assert.Equal(
            ["lines[0].quantity", "lines[1].sku", "shipToId"],
            refused.Errors.Select(e => e["extensions"]!["field"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(refused.Errors, e => Assert.Equal("placeOrder", e["path"]![0]!.GetValue<string>()));
        Assert.StartsWith("ord_", OrderId(corrected), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blank_key_is_refused_naming_the_argument()
    {
        var answer = await PlaceAsync(Token, OrderBodies.Valid(fixture), "");

        Assert.Null(answer.Data!["placeOrder"]);
        Assert.Equal(["BAD_USER_INPUT"], answer.Codes);
        Assert.Equal("idempotencyKey", answer.Errors[0]["extensions"]!["argument"]!.GetValue<string>());
    }

    [Fact]
    public async Task Placing_without_orders_write_is_forbidden()
    {
        var readOnly = TestTokens.Storefront(fixture.Customers[0].CustomerId, [Scopes.OrdersRead], TimeSpan.FromMinutes(10), subject: "storefront-test");

        var answer = await PlaceAsync(readOnly, OrderBodies.Valid(fixture), OrderBodies.NewKey());

        Assert.Null(answer.Data!["placeOrder"]);
        Assert.Equal(["FORBIDDEN"], answer.Codes);
        Assert.Equal(Scopes.OrdersWrite, answer.Errors[0]["extensions"]!["scope"]!.GetValue<string>());
    }

    [Fact]
    public async Task Placing_for_a_foreign_customer_answers_like_an_unknown_one()
    {
        var foreign = await PlaceAsync(Token, OrderBodies.Valid(fixture, customer: 1), OrderBodies.NewKey());
        var unknown = await PlaceAsync(TestTokens.AdminToken, new { customerId = "99999999", shipToId = "1", lines = new[] { new { sku = fixture.Skus[0].Sku, quantity = 1 } } }, OrderBodies.NewKey());

        Assert.Null(foreign.Data!["placeOrder"]);
        Assert.Equal(["NOT_FOUND"], foreign.Codes);
        Assert.Equal(
            unknown.Body.Replace("99999999", "{id}", StringComparison.Ordinal),
            foreign.Body.Replace(fixture.Customers[1].CustomerId, "{id}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Order_placed_by_rest_or_by_graphql_reads_as_rest_shows_it()
    {
        using var byRest = await PostOrderAsync(_gateway, Token, OrderBodies.NewKey(), OrderBodies.Valid(fixture), _ct);
        var restId = (await OrderBodies.ReadOrderAsync(byRest, _ct)).OrderId;
        var graphQLId = OrderId(await PlaceAsync(Token, OrderBodies.Valid(fixture, lines: 1), OrderBodies.NewKey()));

        foreach (var orderId in new[] { restId, graphQLId })
        {
            // Compared once the order stops moving, so both reads see the same history.
            JsonNode? rest = null;
            await Eventually.HoldsAsync(async () => (rest = await RestOrderAsync(orderId))!["status"]!.GetValue<string>() == "Invoiced", _ct);
            var answer = await _gateway.QueryAsync(Token, OrderQuery, new { id = orderId });

            Assert.Empty(answer.Errors);
            Assert.True(JsonNode.DeepEquals(rest, answer.Data!["order"]), $"REST: {rest}\nGraphQL: {answer.Data!["order"]}");
            Assert.DoesNotContain("\\u002B", answer.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Order_of_another_customer_answers_like_an_unknown_one()
    {
        var orderId = OrderId(await PlaceAsync(TokenFor(fixture.Customers[1].CustomerId), OrderBodies.Valid(fixture, customer: 1), OrderBodies.NewKey()));

        var foreign = await _gateway.QueryAsync(Token, OrderQuery, new { id = orderId });
        var unknown = await _gateway.QueryAsync(Token, OrderQuery, new { id = "ord_unknown" });

        Assert.Null(foreign.Data!["order"]);
        Assert.Equal(["NOT_FOUND"], foreign.Codes);
        Assert.Equal(unknown.Body.Replace("ord_unknown", "{id}", StringComparison.Ordinal), foreign.Body.Replace(orderId, "{id}", StringComparison.Ordinal));
    }

    Task<GraphQLAnswer> PlaceAsync(string token, object input, string key) =>
        _gateway.QueryAsync(token, PlaceOrder, new { input, key });

    async Task<JsonNode?> RestOrderAsync(string orderId)
    {
        using var response = await GetAsync(_gateway, Token, "v1/orders/" + orderId, _ct);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(_ct));
    }

    static string OrderId(GraphQLAnswer answer)
    {
        Assert.True(answer.Errors.Count == 0, answer.Body);
        return answer.Data!["placeOrder"]!["orderId"]!.GetValue<string>();
    }

    static JsonObject WithPo(object body, string poNumber)
    {
        var json = JsonSerializer.SerializeToNode(body, Json)!.AsObject();
        json["poNumber"] = poNumber;
        return json;
    }
}
