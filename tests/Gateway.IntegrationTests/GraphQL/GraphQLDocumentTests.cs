using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.IntegrationTests.Fixtures;
using Gateway.IntegrationTests.Orders;
using Gateway.IntegrationTests.Orders.Documents;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>
/// An order's shipments, its invoice and its returns through GraphQL on a gateway with orders on the legacy ERP: the
/// answers REST gives, a return requested once per key, the parcels of a query's orders read together, and another
/// customer's documents answered exactly like unknown ones, without asking the ERP.
/// </summary>
[Collection(SharedOrders.Name)]
public sealed class GraphQLDocumentTests(OrdersFixture fixture)
{
    const string Parcels = "shipments { carrier trackingNumber shipmentId part shippedAt lines { sku quantity } }";

    const string InvoiceFields =
        "invoiceId invoiceNumber orderId customerId currency lines { sku quantity unitPrice amount } subtotal taxRate tax total issuedAt dueDate status";

    const string ReturnFields =
        "returnId orderId customerId lines { sku quantity } reason status rejectReason creditNoteNumber creditAmount currency requestedAt statusChangedAt";

    const string RequestReturn = $$"""
        mutation Return($input: RequestReturnInput!, $key: String!) { requestReturn(input: $input, idempotencyKey: $key) { {{ReturnFields}} } }
        """;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Shipments_invoice_and_a_requested_return_read_as_rest_shows_them()
    {
        await using var gateway = await StartAsync();
        var customer = fixture.Customers[14].CustomerId;
        var token = TokenFor(customer);
        var rest = new DocumentCalls(gateway.Client, token);
        var first = await rest.PlaceAndWaitAsync(OrderBodies.Valid(fixture, customer: 14, lines: 3), "Invoiced");
        var second = await rest.PlaceAndWaitAsync(OrderBodies.Valid(fixture, customer: 14, lines: 2, firstSku: 5), "Invoiced");
        var (firstId, secondId) = (Id(first, "orderId"), Id(second, "orderId"));
        var before = await fixture.Simulator.GetStatsAsync(Ct);

        var read = await gateway.Client.QueryAsync(
            token,
            $"query($a: ID!, $b: ID!, $invoice: ID!) {{ a: order(id: $a) {{ {Parcels} }} b: order(id: $b) {{ {Parcels} }} invoice(id: $invoice) {{ {InvoiceFields} }} }}",
            new { a = firstId, b = secondId, invoice = "inv_" + firstId[4..] });

        var after = await fixture.Simulator.GetStatsAsync(Ct);
        Assert.True(read.Errors.Count == 0, read.Body);
        // Two orders of two parcels, each parcel asking four fields the ERP answers: one GetShipments per order.
        Assert.Equal(2, after.Legacy.CallsOf("GetShipments") - before.Legacy.CallsOf("GetShipments"));
        foreach (var (alias, orderId) in new[] { ("a", firstId), ("b", secondId) })
        {
            var listed = (await rest.GetAsync($"v1/orders/{orderId}/shipments")).Body.GetProperty("items");
            var expected = new JsonArray([.. listed.EnumerateArray().Select(p => Without(p, "orderId"))]);
            var parcels = new JsonArray([.. read.Data![alias]!["shipments"]!.AsArray().OrderBy(p => p!["part"]!.GetValue<int>()).Select(p => p!.DeepClone())]);
            Assert.True(JsonNode.DeepEquals(expected, parcels), $"REST: {expected}\nGraphQL: {parcels}");
        }

        Assert.Equal(2, read.Data!["a"]!["shipments"]!.AsArray().Count);
        var invoice = (await rest.GetAsync("v1/invoices/inv_" + firstId[4..])).Body;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(invoice.GetRawText()), read.Data!["invoice"]), $"REST: {invoice}\nGraphQL: {read.Data!["invoice"]}");
        var listedInvoices = await gateway.Client.QueryAsync(token, "query($c: ID) { invoices(customerId: $c, first: 100) { items { invoiceId customerId } } }", new { c = customer });
        Assert.Contains(listedInvoices.Data!["invoices"]!["items"]!.AsArray(), i => i!["invoiceId"]!.GetValue<string>() == "inv_" + firstId[4..]);
        Assert.All(listedInvoices.Data!["invoices"]!["items"]!.AsArray(), i => Assert.Equal(customer, i!["customerId"]!.GetValue<string>()));

        var line = first.GetProperty("lines")[2];
        var input = new { orderId = firstId, lines = new[] { new { sku = line.GetProperty("sku").GetString(), quantity = line.GetProperty("quantity").GetInt32() } }, reason = "Wrong item" };
        var key = OrderBodies.NewKey();
        var requested = await gateway.Client.QueryAsync(token, RequestReturn, new { input, key });
        var repeated = await gateway.Client.QueryAsync(token, RequestReturn, new { input, key });
        var reused = await gateway.Client.QueryAsync(token, RequestReturn, new { input = input with { reason = "Other" }, key });

        Assert.True(requested.Errors.Count == 0, requested.Body);
        Assert.Equal("Requested", requested.Data!["requestReturn"]!["status"]!.GetValue<string>());
        var returnId = requested.Data!["requestReturn"]!["returnId"]!.GetValue<string>();
        Assert.Equal(returnId, repeated.Data!["requestReturn"]!["returnId"]!.GetValue<string>());
        Assert.Equal(["IDEMPOTENCY_KEY_REUSED"], reused.Codes);
        var credited = await rest.WaitForAsync("v1/returns/" + returnId, r => r.GetProperty("status").GetString() == "Credited");
        var byId = await gateway.Client.QueryAsync(token, $"query($id: ID!) {{ return(id: $id) {{ {ReturnFields} }} returns(ids: [$id, \"ret_nope\"]) {{ returnId status }} }}", new { id = returnId });
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(credited.GetRawText()), byId.Data!["return"]), $"REST: {credited}\nGraphQL: {byId.Data!["return"]}");
        Assert.Equal(returnId, byId.Data!["returns"]![0]!["returnId"]!.GetValue<string>());
        Assert.Null(byId.Data!["returns"]![1]);

        // Returned once, so no longer returnable: refused naming the field, as REST's 400.
        var again = await gateway.Client.QueryAsync(token, RequestReturn, new { input, key = OrderBodies.NewKey() });
        Assert.Null(again.Data!["requestReturn"]);
        Assert.Equal(["BAD_USER_INPUT"], again.Codes);
        Assert.Equal("lines", again.Errors[0]["extensions"]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Another_customers_shipments_invoice_and_return_answer_like_unknown_ones_without_an_erp_call()
    {
        await using var gateway = await StartAsync();
        var owner = TokenFor(fixture.Customers[15].CustomerId);
        var stranger = TokenFor(fixture.Customers[16].CustomerId);
        var rest = new DocumentCalls(gateway.Client, owner);
        var order = await rest.PlaceAndWaitAsync(OrderBodies.Valid(fixture, customer: 15, lines: 1), "Invoiced");
        var orderId = Id(order, "orderId");
        var line = order.GetProperty("lines")[0];
        var input = new { orderId, lines = new[] { new { sku = line.GetProperty("sku").GetString(), quantity = 1 } } };
        var requested = await gateway.Client.QueryAsync(owner, RequestReturn, new { input, key = OrderBodies.NewKey() });
        Assert.True(requested.Errors.Count == 0, requested.Body);
        var returnId = requested.Data!["requestReturn"]!["returnId"]!.GetValue<string>();
        var mine = new Dictionary<string, string>
        {
            ["order"] = orderId,
            ["invoice"] = "inv_" + orderId[4..],
            ["return"] = returnId,
            ["customer"] = fixture.Customers[15].CustomerId,
        };
        var unknown = new Dictionary<string, string>
        {
            ["order"] = "ord_" + new string('0', 32),
            ["invoice"] = "inv_" + new string('0', 32),
            ["return"] = "ret_" + new string('0', 32) + "_" + new string('0', 16),
            ["customer"] = "99999999",
        };
        // Credited first: an open return is asked of the ERP in the background (the status poller, its change events),
        // and those calls are not the reads counted below.
        await rest.WaitForAsync("v1/returns/" + returnId, r => r.GetProperty("status").GetString() == "Credited");
        var owned = await ReadAsync(gateway, owner, mine);
        Assert.True(owned.Errors.Count == 0, owned.Body);
        Assert.Equal(1, owned.Data!["order"]!["shipments"]![0]!["part"]!.GetValue<int>());
        var before = await fixture.Simulator.GetStatsAsync(Ct);

        var foreign = await ReadAsync(gateway, stranger, mine);
        var missing = await ReadAsync(gateway, owner, unknown);
        var foreignReturn = await gateway.Client.QueryAsync(stranger, RequestReturn, new { input, key = OrderBodies.NewKey() });

        var after = await fixture.Simulator.GetStatsAsync(Ct);
        foreach (var operation in new[] { "GetShipments", "GetInvoices", "GetReturns", "CreateReturn" })
        {
            Assert.Equal(before.Legacy.CallsOf(operation), after.Legacy.CallsOf(operation));
        }

        Assert.Equal(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"], foreign.Codes);
        Assert.Equal(Masked(missing, unknown), Masked(foreign, mine));
        Assert.Null(foreign.Data!["returns"]![0]);
        Assert.Null(foreignReturn.Data!["requestReturn"]);
        Assert.Equal(["NOT_FOUND"], foreignReturn.Codes);
        Assert.Equal("orderId", foreignReturn.Errors[0]["extensions"]!["field"]!.GetValue<string>());
    }

    Task<DocumentGateway> StartAsync() =>
        DocumentGateway.StartAsync(fixture, "Legacy", settings =>
        {
            settings["Events:LegacyFeed"] = "On";
            settings["Events:LegacyPollInterval"] = "00:00:00.100";
        }, Ct);

    static Task<GraphQLAnswer> ReadAsync(DocumentGateway gateway, string token, Dictionary<string, string> ids) =>
        gateway.Client.QueryAsync(
            token,
            "query($order: ID!, $invoice: ID!, $return: ID!, $customer: ID) { order(id: $order) { shipments { part } } "
            + "invoice(id: $invoice) { invoiceId } return(id: $return) { returnId } returns(ids: [$return]) { returnId } "
            + "invoices(customerId: $customer) { items { invoiceId } } }",
            ids);

    /// <summary>
    /// The answer with the ids asked for replaced by their names, so answers about different ids compare; its errors in
    /// path order, as the root fields of a query resolve side by side and may finish in any order.
    /// </summary>
    static string Masked(GraphQLAnswer answer, Dictionary<string, string> ids)
    {
        string Mask(string text) => ids.Aggregate(text, (masked, id) => masked.Replace(id.Value, "{" + id.Key + "}", StringComparison.Ordinal));
        var errors = answer.Errors.Select(e => Mask(e.ToJsonString())).Order(StringComparer.Ordinal);
        return Mask(answer.Data!.ToJsonString()) + "\n" + string.Join("\n", errors);
    }

    static string Id(JsonElement body, string name) => body.GetProperty(name).GetString()!;

    static JsonObject Without(JsonElement element, string property)
    {
        var node = JsonNode.Parse(element.GetRawText())!.AsObject();
        node.Remove(property);
        return node;
    }
}
