using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Edge;
using Gateway.IntegrationTests.Admin;
using Gateway.IntegrationTests.Fixtures;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.Orders.Documents;

/// <summary>
/// An order followed past Shipped: its two parcels, its invoice (paid and overdue as the ERP says, through the change
/// feed), its returns (credited, or rejected with the reason), the 400s that name the field and the 404s across customers.
/// The gateway runs with orders on the legacy ERP and its change feed on, so the ERP's events reach it at once.
/// </summary>
[Collection(SharedOrders.Name)]
public sealed class OrderDocumentTests(OrdersFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_order_ships_in_two_parts_and_is_invoiced_and_its_invoice_is_paid_then_listed()
    {
        await using var gateway = await StartAsync("Legacy");
        var customer = fixture.Customers[10];
        var calls = new DocumentCalls(gateway.Client, TokenFor(customer.CustomerId));

        var order = await calls.PlaceAndWaitAsync(OrderBodies.Valid(fixture, customer: 10, lines: 3), "Invoiced");
        var orderId = order.GetProperty("orderId").GetString()!;
        var (listed, shipments) = await calls.GetAsync($"v1/orders/{orderId}/shipments");

        Assert.Equal(HttpStatusCode.OK, listed);
        var parcels = shipments.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([1, 2], parcels.Select(p => p.GetProperty("part").GetInt32()));
        var skus = order.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("sku").GetString(), l.GetProperty("quantity").GetInt32())).ToList();
        Assert.Equal(skus.Take(2), Lines(parcels[0]));
        Assert.Equal(skus.Skip(2), Lines(parcels[1]));
        Assert.All(parcels, p => Assert.False(string.IsNullOrEmpty(p.GetProperty("trackingNumber").GetString())));
        Assert.Equal(
            parcels.Select(p => p.GetProperty("trackingNumber").GetString()).Order(),
            order.GetProperty("shipments").EnumerateArray().Select(s => s.GetProperty("trackingNumber").GetString()).Order());
        var second = parcels[1].GetProperty("shipmentId").GetString()!;
        var (one, parcel) = await calls.GetAsync("v1/shipments/" + second);
        Assert.Equal(HttpStatusCode.OK, one);
        Assert.Equal(parcels[1].GetRawText(), parcel.GetRawText());

        var invoiceId = "inv_" + orderId[4..];
        var (found, invoice) = await calls.GetAsync("v1/invoices/" + invoiceId);
        Assert.Equal(HttpStatusCode.OK, found);
        Assert.Equal(orderId, invoice.GetProperty("orderId").GetString());
        Assert.Equal("Open", invoice.GetProperty("status").GetString());
        Assert.Equal(skus, invoice.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("sku").GetString(), l.GetProperty("quantity").GetInt32())));
        var lineSum = invoice.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("amount").GetDecimal());
        Assert.Equal(lineSum, invoice.GetProperty("subtotal").GetDecimal());
        Assert.Equal(invoice.GetProperty("subtotal").GetDecimal() + invoice.GetProperty("tax").GetDecimal(), invoice.GetProperty("total").GetDecimal());
        var issued = DateOnly.FromDateTime(invoice.GetProperty("issuedAt").GetDateTimeOffset().UtcDateTime);
        var terms = await TermsAsync(calls, customer.CustomerId);
        Assert.Equal(issued.AddDays(terms), DateOnly.Parse(invoice.GetProperty("dueDate").GetString()!, CultureInfo.InvariantCulture));

        // The ERP's invoice.changed events (here through the legacy change feed) retire the cached invoice at once.
        var number = invoice.GetProperty("invoiceNumber").GetString()!;
        await ChangeInvoiceAsync(number, new { paid = true });
        await calls.WaitForAsync("v1/invoices/" + invoiceId, i => i.GetProperty("status").GetString() == "Paid", seconds: 10);
        await ChangeInvoiceAsync(number, new { paid = false, dueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await calls.WaitForAsync("v1/invoices/" + invoiceId, i => i.GetProperty("status").GetString() == "Overdue", seconds: 10);

        var (page, list) = await calls.GetAsync($"v1/invoices?customerId={customer.CustomerId}&since={issued:yyyy-MM-dd}&limit=100");
        Assert.Equal(HttpStatusCode.OK, page);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("invoiceId").GetString() == invoiceId);
        Assert.All(list.GetProperty("items").EnumerateArray(), i => Assert.Equal(customer.CustomerId, i.GetProperty("customerId").GetString()));
        var (later, none) = await calls.GetAsync($"v1/invoices?customerId={customer.CustomerId}&since={issued.AddDays(1):yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, later);
        Assert.DoesNotContain(none.GetProperty("items").EnumerateArray(), i => i.GetProperty("invoiceId").GetString() == invoiceId);
    }

    [Fact]
    public async Task A_return_is_requested_once_per_key_then_authorised_received_and_credited()
    {
        await using var gateway = await StartAsync("Legacy");
        var calls = new DocumentCalls(gateway.Client, TokenFor(fixture.Customers[11].CustomerId));
        var order = await calls.PlaceAndWaitAsync(OrderBodies.Valid(fixture, customer: 11, lines: 2), "Invoiced");
        var orderId = order.GetProperty("orderId").GetString()!;
        var line = order.GetProperty("lines")[0];
        var body = new { orderId, lines = new[] { new { sku = line.GetProperty("sku").GetString(), quantity = line.GetProperty("quantity").GetInt32() } }, reason = "Damaged in transit" };
        var key = Guid.NewGuid().ToString("N");

        var (created, requested) = await calls.PostAsync("v1/returns", body, key);
        var (repeated, again) = await calls.PostAsync("v1/returns", body, key);
        var (reused, _) = await calls.PostAsync("v1/returns", body with { reason = "Other" }, key);

        Assert.Equal(HttpStatusCode.Created, created);
        Assert.Equal("Requested", requested.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, repeated);
        var returnId = requested.GetProperty("returnId").GetString()!;
        Assert.Equal(returnId, again.GetProperty("returnId").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused);
        var credited = await calls.WaitForAsync("v1/returns/" + returnId, r => r.GetProperty("status").GetString() == "Credited");
        Assert.Equal(orderId, credited.GetProperty("orderId").GetString());
        Assert.False(string.IsNullOrEmpty(credited.GetProperty("creditNoteNumber").GetString()));
        var price = (await calls.GetAsync("v1/invoices/inv_" + orderId[4..])).Body.GetProperty("lines")[0].GetProperty("amount").GetDecimal();
        Assert.Equal(price, credited.GetProperty("creditAmount").GetDecimal());
        Assert.Equal("Damaged in transit", credited.GetProperty("reason").GetString());

        // What was returned is gone from what may be returned: the ERP refuses it again under a new key.
        var (twice, refusal) = await calls.PostAsync("v1/returns", body, Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.BadRequest, twice);
        Assert.True(refusal.GetProperty("errors").TryGetProperty("lines", out _));
    }

    [Fact]
    public async Task A_return_of_a_customer_on_credit_hold_is_rejected_with_the_reason()
    {
        await using var gateway = await StartAsync("Legacy");
        var customer = fixture.Customers[12].CustomerId;
        var calls = new DocumentCalls(gateway.Client, TokenFor(customer));
        var order = await calls.PlaceAndWaitAsync(OrderBodies.Valid(fixture, customer: 12, lines: 1), "Invoiced");
        var line = order.GetProperty("lines")[0];
        try
        {
            await SetCreditAsync(customer, "Hold");
            var (created, requested) = await calls.PostAsync(
                "v1/returns",
                new { orderId = order.GetProperty("orderId").GetString(), lines = new[] { new { sku = line.GetProperty("sku").GetString(), quantity = 1 } } },
                Guid.NewGuid().ToString("N"));

            Assert.True(created == HttpStatusCode.Created, $"{(int)created}: {requested}");
            var rejected = await calls.WaitForAsync("v1/returns/" + requested.GetProperty("returnId").GetString(), r => r.GetProperty("status").GetString() == "Rejected");
            Assert.Contains("credit hold", rejected.GetProperty("rejectReason").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Null, rejected.GetProperty("creditNoteNumber").ValueKind);
        }
        finally
        {
            await SetCreditAsync(customer, "Ok");
        }
    }

    [Fact]
    public async Task Returning_more_than_shipped_or_a_line_of_another_order_is_400_naming_the_field()
    {
        await using var gateway = await StartAsync("Legacy");
        var calls = new DocumentCalls(gateway.Client, TokenFor(fixture.Customers[10].CustomerId));
        var order = await calls.PlaceAndWaitAsync(OrderBodies.Valid(fixture, customer: 10, lines: 1), "Invoiced");
        var orderId = order.GetProperty("orderId").GetString()!;
        var line = order.GetProperty("lines")[0];
        var sku = line.GetProperty("sku").GetString();
        var shipped = line.GetProperty("quantity").GetInt32();
        var otherSku = fixture.Skus[20].Sku;
        var statsBefore = await fixture.Simulator.GetStatsAsync(Ct);

        var cases = new (object Body, string Field)[]
        {
            (new { orderId, lines = new[] { new { sku, quantity = shipped + 1 } } }, "lines[0].quantity"),
            (new { orderId, lines = new[] { new { sku, quantity = 1 }, new { sku, quantity = shipped } } }, "lines[1].quantity"),
            (new { orderId, lines = new[] { new { sku = otherSku, quantity = 1 } } }, "lines[0].sku"),
            (new { orderId, lines = new[] { new { sku, quantity = 0 } } }, "lines[0].quantity"),
            (new { orderId, lines = Array.Empty<object>() }, "lines"),
            (new { lines = new[] { new { sku, quantity = 1 } } }, "orderId"),
        };
        foreach (var (body, field) in cases)
        {
            var (status, problem) = await calls.PostAsync("v1/returns", body, Guid.NewGuid().ToString("N"));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal("https://gateway.example/problems/invalid-request", problem.GetProperty("type").GetString());
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} in {problem}");
        }

        var (noKey, keyProblem) = await calls.PostAsync("v1/returns", new { orderId, lines = new[] { new { sku, quantity = 1 } } }, idempotencyKey: null);
        Assert.Equal(HttpStatusCode.BadRequest, noKey);
        Assert.True(keyProblem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        var statsAfter = await fixture.Simulator.GetStatsAsync(Ct);
        Assert.Equal(Calls(statsBefore, "CreateReturn"), Calls(statsAfter, "CreateReturn"));
    }

    [Fact]
    public async Task Another_customers_shipments_invoices_and_returns_are_404_for_tokens_and_partner_keys()
    {
        await using var gateway = await StartAsync("Legacy");
        var owner = fixture.Customers[11].CustomerId;
        var stranger = fixture.Customers[12].CustomerId;
        var calls = new DocumentCalls(gateway.Client, TokenFor(owner));
        var order = await calls.PlaceAndWaitAsync(OrderBodies.Valid(fixture, customer: 11, lines: 2), "Invoiced");
        var orderId = order.GetProperty("orderId").GetString()!;
        var line = order.GetProperty("lines")[0];
        var returnBody = new { orderId, lines = new[] { new { sku = line.GetProperty("sku").GetString(), quantity = 1 } } };
        var (created, requested) = await calls.PostAsync("v1/returns", returnBody, Guid.NewGuid().ToString("N"));
        Assert.True(created == HttpStatusCode.Created, $"{(int)created}: {requested}");
        var shipmentId = (await calls.GetAsync($"v1/orders/{orderId}/shipments")).Body.GetProperty("items")[0].GetProperty("shipmentId").GetString();
        string[] paths =
        [
            $"v1/orders/{orderId}/shipments", $"v1/shipments/{shipmentId}", $"v1/invoices/inv_{orderId[4..]}",
            $"v1/returns/{requested.GetProperty("returnId").GetString()}", $"v1/invoices?customerId={owner}",
        ];
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, (await calls.GetAsync(path)).Status);
        }

        var admin = new AdminClient(gateway.Client);
        var partner = await admin.CreatePartnerAsync([Scopes.OrdersRead, Scopes.OrdersWrite], [stranger]);
        var (_, key) = await admin.IssueKeyAsync(partner);
        foreach (var foreign in new[] { new DocumentCalls(gateway.Client, TokenFor(stranger)), new DocumentCalls(gateway.Client, apiKey: key) })
        {
            foreach (var path in paths)
            {
                Assert.Equal(HttpStatusCode.NotFound, (await foreign.GetAsync(path)).Status);
            }

            var (post, problem) = await foreign.PostAsync("v1/returns", returnBody, Guid.NewGuid().ToString("N"));
            Assert.Equal(HttpStatusCode.NotFound, post);
            Assert.True(problem.GetProperty("errors").TryGetProperty("orderId", out _));
        }

        // Unknown and malformed ids answer the same 404.
        foreach (var path in new[] { "v1/shipments/shp_x", $"v1/shipments/shp_{orderId[4..]}_9", "v1/invoices/inv_" + new string('0', 32), "v1/returns/ret_nope" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await calls.GetAsync(path)).Status);
        }
    }

    /// <summary>A gateway with orders on <paramref name="orders"/> and the legacy change feed on.</summary>
    Task<DocumentGateway> StartAsync(string orders) =>
        DocumentGateway.StartAsync(fixture, orders, settings =>
        {
            settings["Events:LegacyFeed"] = "On";
            settings["Events:LegacyPollInterval"] = "00:00:00.100";
        }, Ct);

    static IEnumerable<(string?, int)> Lines(JsonElement parcel) =>
        parcel.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("sku").GetString(), l.GetProperty("quantity").GetInt32()));

    static async Task<int> TermsAsync(DocumentCalls calls, string customerId)
    {
        var (_, customer) = await calls.GetAsync("v1/customers/" + customerId);
        return customer.GetProperty("paymentTerms").GetString() switch
        {
            "NET30" => 30,
            "NET45" => 45,
            "NET60" => 60,
            _ => 0,
        };
    }

    async Task ChangeInvoiceAsync(string invoiceNumber, object change)
    {
        using var response = await fixture.Simulator.Client.PostAsJsonAsync("_sim/invoices/" + invoiceNumber, change, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    async Task SetCreditAsync(string customerId, string creditStatus)
    {
        using var response = await fixture.Simulator.Client.PostAsJsonAsync("_sim/customers/" + customerId, new { creditStatus }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    static long Calls(SimStats stats, string operation) => stats.Legacy.CallsOf(operation);
}
