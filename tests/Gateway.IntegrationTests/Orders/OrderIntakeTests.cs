using System.Net;
using System.Net.Http.Json;
using Gateway.Edge;
using Gateway.IntegrationTests.Fixtures;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.Orders;

// Every intake rule with its answer: a 4xx problem+json naming the field, never a 500, never a half-written order.
[Collection(SharedOrders.Name)]
public sealed class OrderIntakeTests(OrdersFixture fixture)
{
    readonly HttpClient _gateway = fixture.Gateway.Client;
    readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    string Customer => fixture.Customers[0].CustomerId;
    string Token => TokenFor(Customer);

    [Fact]
    public async Task Valid_order_is_accepted_with_202_and_its_location()
    {
        using var response = await PostOrderAsync(_gateway, Token, OrderBodies.NewKey(), OrderBodies.Valid(fixture), _ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var order = await OrderBodies.ReadOrderAsync(response, _ct);
        Assert.Equal($"/v1/orders/{order.OrderId}", response.Headers.Location?.OriginalString);
        Assert.Equal(Customer, order.CustomerId);
        Assert.Equal("Accepted", order.StatusHistory[0].Status);
        Assert.Equal(2, order.Lines.Count);

        using var read = await GetAsync(_gateway, Token, response.Headers.Location!.OriginalString, _ct);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(order.OrderId, (await OrderBodies.ReadOrderAsync(read, _ct)).OrderId);
    }

    [Fact]
    public async Task Missing_idempotency_key_is_400_naming_the_header()
    {
        using var response = await PostOrderAsync(_gateway, Token, null, OrderBodies.Valid(fixture), _ct);

        await AssertProblemNamingAsync(response, HttpStatusCode.BadRequest, "Idempotency-Key");
    }

    [Fact]
    public async Task Oversized_idempotency_key_is_400_naming_the_header()
    {
        using var response = await PostOrderAsync(_gateway, Token, new string('k', 129), OrderBodies.Valid(fixture), _ct);

        await AssertProblemNamingAsync(response, HttpStatusCode.BadRequest, "Idempotency-Key");
    }

    [Fact]
    public async Task Unknown_customer_is_404()
    {
        var body = new { customerId = "99999", shipToId = "99999-01", lines = new[] { new { sku = fixture.Skus[0].Sku, quantity = fixture.Skus[0].PackSize } } };

        using var response = await PostOrderAsync(_gateway, TokenFor("99999"), OrderBodies.NewKey(), body, _ct);

        await AssertProblemNamingAsync(response, HttpStatusCode.NotFound, "customerId");
    }

    [Fact]
    public async Task Customer_the_caller_does_not_act_for_is_404_like_an_unknown_one()
    {
        using var response = await PostOrderAsync(_gateway, TokenFor(fixture.Customers[1].CustomerId), OrderBodies.NewKey(), OrderBodies.Valid(fixture), _ct);

        await AssertProblemNamingAsync(response, HttpStatusCode.NotFound, "customerId");
    }

    [Fact]
    public async Task Ship_to_of_another_customer_is_400_naming_shipToId()
    {
        var body = new
        {
            customerId = Customer,
            shipToId = fixture.Customers[1].ShipToIds[0],
            lines = new[] { new { sku = fixture.Skus[0].Sku, quantity = fixture.Skus[0].PackSize } },
        };

        using var response = await PostOrderAsync(_gateway, Token, OrderBodies.NewKey(), body, _ct);

        await AssertProblemNamingAsync(response, HttpStatusCode.BadRequest, "shipToId");
    }

    [Fact]
    public async Task Unknown_sku_is_400_naming_its_line()
    {
        using var response = await PostOrderAsync(_gateway, Token, OrderBodies.NewKey(), WithLines(
            new { sku = fixture.Skus[0].Sku, quantity = fixture.Skus[0].PackSize },
            new { sku = "999999", quantity = 1 }), _ct);

        await AssertProblemNamingAsync(response, HttpStatusCode.BadRequest, "lines[1].sku");
    }

    [Fact]
    public async Task Discontinued_sku_is_400_naming_its_line()
    {
        var (sku, pack) = fixture.Skus[^1];
        using (var change = await fixture.Simulator.Client.PostAsJsonAsync($"_sim/items/{sku}", new { status = "Discontinued" }, _ct))
        {
            change.EnsureSuccessStatusCode();
        }

        using var response = await PostOrderAsync(_gateway, Token, OrderBodies.NewKey(), WithLines(new { sku, quantity = pack }), _ct);

        await AssertProblemNamingAsync(response, HttpStatusCode.BadRequest, "lines[0].sku");
    }

    [Fact]
    public async Task Quantity_that_breaks_a_pack_is_400_naming_its_line()
    {
        var (sku, pack) = fixture.Skus.First(s => s.PackSize > 1);

        using var response = await PostOrderAsync(_gateway, Token, OrderBodies.NewKey(), WithLines(
            new { sku = fixture.Skus[0].Sku, quantity = fixture.Skus[0].PackSize },
            new { sku = fixture.Skus[1].Sku, quantity = fixture.Skus[1].PackSize },
            new { sku, quantity = pack + 1 }), _ct);

        await AssertProblemNamingAsync(response, HttpStatusCode.BadRequest, "lines[2].quantity");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-12)]
    public async Task Quantity_that_is_not_positive_is_400_naming_its_line(int quantity)
    {
        using var response = await PostOrderAsync(_gateway, Token, OrderBodies.NewKey(), WithLines(new { sku = fixture.Skus[0].Sku, quantity }), _ct);

        await AssertProblemNamingAsync(response, HttpStatusCode.BadRequest, "lines[0].quantity");
    }

    [Fact]
    public async Task Quantity_that_is_not_a_number_is_400_naming_its_line()
    {
        var body = $$"""{"customerId":"{{Customer}}","shipToId":"{{fixture.Customers[0].ShipToIds[0]}}","lines":[{"sku":"{{fixture.Skus[0].Sku}}","quantity":"a dozen"}]}""";

        using var response = await PostOrderAsync(_gateway, Token, OrderBodies.NewKey(), body, _ct);

        await AssertProblemNamingAsync(response, HttpStatusCode.BadRequest, "lines[0].quantity");
    }

    [Fact]
    public async Task More_than_500_lines_is_400_naming_lines()
    {
        var line = new { sku = fixture.Skus[0].Sku, quantity = fixture.Skus[0].PackSize };

        using var response = await PostOrderAsync(_gateway, Token, OrderBodies.NewKey(), WithLines([.. Enumerable.Repeat<object>(line, 501)]), _ct);

        await AssertProblemNamingAsync(response, HttpStatusCode.BadRequest, "lines");
    }

    [Fact]
    public async Task Order_without_lines_is_400_naming_lines()
    {
        using var response = await PostOrderAsync(_gateway, Token, OrderBodies.NewKey(), WithLines(), _ct);

        await AssertProblemNamingAsync(response, HttpStatusCode.BadRequest, "lines");
    }

    [Fact]
    public async Task Placing_needs_the_orders_write_scope()
    {
        using var response = await PostOrderAsync(_gateway, TestTokens.Storefront(Customer, Scopes.OrdersRead), OrderBodies.NewKey(), OrderBodies.Valid(fixture), _ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Order_of_another_customer_is_404_like_an_unknown_one()
    {
        using var placed = await PostOrderAsync(_gateway, Token, OrderBodies.NewKey(), OrderBodies.Valid(fixture), _ct);
        var location = placed.Headers.Location!.OriginalString;

        using var foreign = await GetAsync(_gateway, TokenFor(fixture.Customers[1].CustomerId), location, _ct);
        using var unknown = await GetAsync(_gateway, Token, "/v1/orders/ord_doesnotexist", _ct);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
    }

    object WithLines(params object[] lines) => new { customerId = Customer, shipToId = fixture.Customers[0].ShipToIds[0], lines };

    async Task AssertProblemNamingAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, await OrderBodies.ErrorFieldsAsync(response, _ct));
    }
}
