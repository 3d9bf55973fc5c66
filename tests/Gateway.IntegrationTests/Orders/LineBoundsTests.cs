using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Gateway.Edge;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.GraphQL;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.Orders;

/// <summary>
/// One set of bounds by every door (quantity 1 to 1 000 000 eaches, unit price 0 to 1 000 000 000 with at most 4
/// decimals): REST orders and prices answer 400 naming the field, GraphQL BAD_USER_INPUT naming the argument and field,
/// and a refused order writes nothing: its idempotency key stays free for the corrected order.
/// </summary>
[Collection(SharedOrders.Name)]
public sealed class LineBoundsTests(OrdersFixture fixture)
{
    const string PlaceOrder = """
        mutation Place($input: PlaceOrderInput!, $key: String!) {
          placeOrder(input: $input, idempotencyKey: $key) { orderId lines { sku quantity unitPrice } }
        }
        """;

    readonly HttpClient _gateway = fixture.Gateway.Client;
    readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    string Token => TokenFor(fixture.Customers[0].CustomerId);

    /// <summary>Out-of-bound values of a line, and the field each is refused for.</summary>
    public static TheoryData<string, string, string> OutOfBounds() => new()
    {
        { "quantity", "2147483646", "quantity" },
        { "quantity", "1000001", "quantity" },
        { "unitPrice", "7.9e28", "unitPrice" },
        { "unitPrice", "1000000000.0001", "unitPrice" },
        { "unitPrice", "12.34567", "unitPrice" },
    };

    [Theory]
    [MemberData(nameof(OutOfBounds))]
    public async Task An_order_line_out_of_bounds_is_400_naming_the_field_and_binds_no_key(string member, string value, string field)
    {
        var key = OrderBodies.NewKey();

        using var refused = await PostOrderAsync(_gateway, Token, key, OrderJson(member, value), _ct);
        using var corrected = await PostOrderAsync(_gateway, Token, key, OrderBodies.Valid(fixture, lines: 1), _ct);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["lines[0]." + field], await OrderBodies.ErrorFieldsAsync(refused, _ct));
        Assert.Equal(HttpStatusCode.Accepted, corrected.StatusCode);
        Assert.Equal(fixture.Skus[0].PackSize * 2, (await OrderBodies.ReadOrderAsync(corrected, _ct)).Lines.Single().Quantity);
    }

    [Theory]
    [MemberData(nameof(OutOfBounds))]
    public async Task A_place_order_line_out_of_bounds_is_bad_user_input_naming_the_field_and_binds_no_key(string member, string value, string field)
    {
        var key = OrderBodies.NewKey();

        var refused = await _gateway.QueryAsync(Token, PlaceOrder, new { input = JsonNode.Parse(OrderJson(member, value)), key });
        var corrected = await _gateway.QueryAsync(Token, PlaceOrder, new { input = OrderBodies.Valid(fixture, lines: 1), key });

        Assert.Null(refused.Data?["placeOrder"]);
        Assert.Equal(["BAD_USER_INPUT"], refused.Codes);
        Assert.Equal("input", refused.Errors[0]["extensions"]!["argument"]!.GetValue<string>());
        Assert.Equal("lines[0]." + field, refused.Errors[0]["extensions"]!["field"]!.GetValue<string>());
        Assert.True(corrected.Errors.Count == 0, corrected.Body);
        Assert.StartsWith("ord_", corrected.Data!["placeOrder"]!["orderId"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1_000_001)]
    [InlineData(2_147_483_646)]
    public async Task A_price_quantity_out_of_bounds_is_400_naming_quantity(int quantity)
    {
        using var response = await GetAsync(_gateway, PricingToken, $"v1/prices?sku={fixture.Skus[0].Sku}&quantity={quantity}", _ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["quantity"], await OrderBodies.ErrorFieldsAsync(response, _ct));
    }

    [Theory]
    [InlineData(1_000_001)]
    [InlineData(2_147_483_646)]
    public async Task A_graphql_price_quantity_out_of_bounds_is_bad_user_input_naming_quantity(int quantity)
    {
        var answer = await _gateway.QueryAsync(
            PricingToken, "query($sku: ID!, $q: Int) { product(sku: $sku) { price(quantity: $q) { unitPrice } } }", new { sku = fixture.Skus[0].Sku, q = quantity });

        Assert.Equal(["BAD_USER_INPUT"], answer.Codes);
        Assert.Equal("quantity", answer.Errors[0]["extensions"]!["argument"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_line_at_the_bounds_is_accepted()
    {
        var pack = BoundsSku.PackSize;
        var most = (1_000_000 / pack * pack).ToString(CultureInfo.InvariantCulture);

        using var response = await PostOrderAsync(_gateway, Token, OrderBodies.NewKey(), Body(quantity: most, unitPrice: "999999999.9999"), _ct);

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(_ct));
        var line = (await OrderBodies.ReadOrderAsync(response, _ct)).Lines.Single();
        Assert.Equal(1_000_000 / pack * pack, line.Quantity);
        Assert.Equal(999_999_999.9999m, line.UnitPrice);
    }

    string PricingToken => TestTokens.Storefront(fixture.Customers[0].CustomerId, [Scopes.PricingRead, Scopes.CatalogRead], TimeSpan.FromMinutes(10), subject: "bounds-test");

    /// <summary>A SKU whose pack size divides 2 147 483 646: before the bounds, nothing refused that many of it.</summary>
    (string Sku, int PackSize) BoundsSku => fixture.Skus.First(s => 2_147_483_646 % s.PackSize == 0);

    /// <summary>An order body with one line whose <paramref name="member"/> is the raw JSON <paramref name="value"/>.</summary>
    string OrderJson(string member, string value) =>
        member == "quantity" ? Body(quantity: value) : Body(unitPrice: value);

    string Body(string? quantity = null, string unitPrice = "1")
    {
        var customer = fixture.Customers[0];
        quantity ??= (BoundsSku.PackSize * 2).ToString(CultureInfo.InvariantCulture);
        return $$"""
            {"customerId":"{{customer.CustomerId}}","shipToId":"{{customer.ShipToIds[0]}}","poNumber":"PO-BOUNDS",
             "lines":[{"sku":"{{BoundsSku.Sku}}","quantity":{{quantity}},"unitPrice":{{unitPrice}}}]}
            """;
    }
}
