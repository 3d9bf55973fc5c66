using System.Net;
using System.Net.Http.Json;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Hosting;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.Orders;

// From acceptance to invoice, and the detours: ERP outage, ERP rejection, credit hold, price mismatch, with the
// exception queue an operator works from.
[Collection(SharedOrders.Name)]
public sealed class OrderLifecycleTests(OrdersFixture fixture)
{
    readonly HttpClient _gateway = fixture.Gateway.Client;
    readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Order_follows_the_erp_to_invoiced_with_its_number_and_shipment()
    {
        var token = TokenFor(fixture.Customers[0].CustomerId);
        var order = await PlaceAsync(token, OrderBodies.Valid(fixture));

        var done = await WaitForStatusAsync(token, order.OrderId, "Invoiced");

        var erp = Assert.Single(await ErpOrdersAsync(fixture.Simulator, order.OrderId, _ct));
        Assert.Equal(erp.GetProperty("orderNumber").GetString(), done.ErpOrderNumber);
        Assert.Equal(
            ["Accepted", "SubmittedToErp", "Confirmed", "Allocated", "Shipped", "Invoiced"],
            done.StatusHistory.Select(h => h.Status));
        // Two lines leave in two parcels; the ERP's order names the last one.
        Assert.Equal(2, done.Shipments.Count);
        Assert.Contains(done.Shipments, s => s.Carrier == erp.GetProperty("carrier").GetString() && s.TrackingNumber == erp.GetProperty("trackingNumber").GetString());
        Assert.All(done.StatusHistory, h => Assert.False(string.IsNullOrWhiteSpace(h.Reason)));

        // Every status it passed through is counted on /metrics (by whichever write moved it there).
        var metrics = await _gateway.GetStringAsync(new Uri("metrics", UriKind.Relative), _ct);
        var entered = Exposition.Series(metrics, "gateway_orders_entered_total").ToList();
        Assert.All(done.StatusHistory, h => Assert.Contains(entered, s => s.Has("order_status", h.Status)));
    }

    [Fact]
    public async Task Orders_wait_out_an_erp_outage_and_flow_when_it_returns()
    {
        var token = TokenFor(fixture.Customers[2].CustomerId);
        await fixture.Simulator.SetFaultsAsync("cloud", outage: true, cancellationToken: _ct);
        OrderSeen order;
        try
        {
            order = await PlaceAsync(token, OrderBodies.Valid(fixture, customer: 2));
            await Eventually.HoldsAsync(async () => (await ReadAsync(token, order.OrderId)).StatusHistory.Count > 0, _ct);
            Assert.Empty(await ErpOrdersAsync(fixture.Simulator, order.OrderId, _ct));
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(_ct);
        }

        await WaitForStatusAsync(token, order.OrderId, "Confirmed");
        Assert.Single(await ErpOrdersAsync(fixture.Simulator, order.OrderId, _ct));
    }

    [Fact]
    public async Task Rejected_order_lands_in_the_exception_queue_and_a_replay_books_it_after_the_fix()
    {
        var token = TokenFor(fixture.Customers[3].CustomerId);
        var sku = fixture.Skus[5].Sku;
        OrderSeen order;
        await fixture.Simulator.SetFaultsAsync("cloud", outage: true, cancellationToken: _ct);
        try
        {
            order = await PlaceAsync(token, OrderBodies.Valid(fixture, customer: 3, lines: 1, firstSku: 5));
            await SetItemStatusAsync(sku, "Blocked");
        }
        finally
        {
            await fixture.Simulator.ClearFaultsAsync(_ct);
        }

        var rejected = await WaitForStatusAsync(token, order.OrderId, "Rejected");
        Assert.Contains("Blocked", rejected.StatusHistory[^1].Reason, StringComparison.OrdinalIgnoreCase);
        var entry = await FindExceptionAsync(order.OrderId, "ErpRejected");

        await SetItemStatusAsync(sku, "Active");
        using var replay = await AdminAsync(_gateway, HttpMethod.Post, $"admin/exceptions/{entry}/replay", _ct);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);

        var booked = await WaitForStatusAsync(token, order.OrderId, "Confirmed");
        Assert.NotNull(booked.ErpOrderNumber);
        using var again = await AdminAsync(_gateway, HttpMethod.Post, $"admin/exceptions/{entry}/replay", _ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Customer_on_credit_hold_is_accepted_on_hold_and_can_be_cancelled()
    {
        var (customer, order) = await PlaceOnCreditHoldAsync(4);

        Assert.Equal("OnHold", order.Status);
        Assert.Contains("credit hold", order.StatusHistory[^1].Reason, StringComparison.OrdinalIgnoreCase);
        var entry = await FindExceptionAsync(order.OrderId, "CreditHold");

        using var cancel = await AdminAsync(_gateway, HttpMethod.Post, $"admin/exceptions/{entry}/cancel", _ct);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("Cancelled", (await ReadAsync(TokenFor(customer), order.OrderId)).Status);
        Assert.Empty(await ErpOrdersAsync(fixture.Simulator, order.OrderId, _ct));
    }

    [Fact]
    public async Task Replaying_a_credit_hold_releases_the_order_to_the_erp()
    {
        var (customer, order) = await PlaceOnCreditHoldAsync(5);

        using var replay = await AdminAsync(_gateway, HttpMethod.Post, $"admin/exceptions/{await FindExceptionAsync(order.OrderId, "CreditHold")}/replay", _ct);

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        await WaitForStatusAsync(TokenFor(customer), order.OrderId, "Confirmed");
    }

    [Fact]
    public async Task Line_priced_differently_from_the_erp_is_accepted_and_raises_a_price_mismatch()
    {
        var customer = fixture.Customers[6];
        var (sku, pack) = fixture.Skus[0];
        var body = new
        {
            customerId = customer.CustomerId,
            shipToId = customer.ShipToIds[0],
            lines = new object[] { new { sku, quantity = pack, unitPrice = 0.01m }, new { sku = fixture.Skus[1].Sku, quantity = fixture.Skus[1].PackSize } },
        };

        var order = await PlaceAsync(TokenFor(customer.CustomerId), body);

        Assert.Equal("Accepted", order.Status);
        using var list = await AdminAsync(_gateway, HttpMethod.Get, "admin/exceptions?category=PriceMismatch&status=Open", _ct);
        var entry = (await OrderBodies.ReadJsonAsync(list, _ct)).GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("orderId").GetString() == order.OrderId);
        var difference = Assert.Single(entry.GetProperty("priceDifferences").EnumerateArray());
        Assert.Equal(0, difference.GetProperty("line").GetInt32());
        Assert.Equal(0.01m, difference.GetProperty("sentUnitPrice").GetDecimal());
        Assert.NotEqual(0.01m, difference.GetProperty("erpUnitPrice").GetDecimal());
    }

    [Fact]
    public async Task Exception_queue_needs_the_admin_scope_and_names_a_bad_filter()
    {
        using var storefront = await GetAsync(_gateway, TokenFor(fixture.Customers[0].CustomerId), "admin/exceptions", _ct);
        using var badFilter = await AdminAsync(_gateway, HttpMethod.Get, "admin/exceptions?category=Nonsense", _ct);
        using var unknown = await AdminAsync(_gateway, HttpMethod.Post, "admin/exceptions/exc_unknown/replay", _ct);

        Assert.Equal(HttpStatusCode.Forbidden, storefront.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badFilter.StatusCode);
        Assert.Contains("category", await OrderBodies.ErrorFieldsAsync(badFilter, _ct));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    async Task<OrderSeen> PlaceAsync(string token, object body)
    {
        using var response = await PostOrderAsync(_gateway, token, OrderBodies.NewKey(), body, _ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await OrderBodies.ReadOrderAsync(response, _ct);
    }

    async Task<OrderSeen> ReadAsync(string token, string orderId)
    {
        using var response = await GetAsync(_gateway, token, "v1/orders/" + orderId, _ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await OrderBodies.ReadOrderAsync(response, _ct);
    }

    async Task<OrderSeen> WaitForStatusAsync(string token, string orderId, string status)
    {
        OrderSeen? seen = null;
        await Eventually.HoldsAsync(async () => (seen = await ReadAsync(token, orderId)).Status == status, _ct);
        return seen!;
    }

    async Task<string> FindExceptionAsync(string orderId, string category)
    {
        string? id = null;
        await Eventually.HoldsAsync(async () =>
        {
            using var list = await AdminAsync(_gateway, HttpMethod.Get, "admin/exceptions?category=" + category, _ct);
            id = (await OrderBodies.ReadJsonAsync(list, _ct)).GetProperty("items").EnumerateArray()
                .Where(e => e.GetProperty("orderId").GetString() == orderId)
                .Select(e => e.GetProperty("exceptionId").GetString())
                .FirstOrDefault();
            return id is not null;
        }, _ct);
        return id!;
    }

    async Task SetItemStatusAsync(string sku, string status)
    {
        using var response = await fixture.Simulator.Client.PostAsJsonAsync($"_sim/items/{sku}", new { status }, _ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Places an order while the customer is on credit hold, then lifts the hold in the ERP.</summary>
    async Task<(string CustomerId, OrderSeen Order)> PlaceOnCreditHoldAsync(int customerIndex)
    {
        var customer = fixture.Customers[customerIndex].CustomerId;
        await SetCreditAsync(customer, "Hold");
        try
        {
            return (customer, await PlaceAsync(TokenFor(customer), OrderBodies.Valid(fixture, customer: customerIndex)));
        }
        finally
        {
            await SetCreditAsync(customer, "Ok");
        }
    }

    async Task SetCreditAsync(string customerId, string creditStatus)
    {
        using var response = await fixture.Simulator.Client.PostAsJsonAsync($"_sim/customers/{customerId}", new { creditStatus }, _ct);
        response.EnsureSuccessStatusCode();
    }
}
