using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Gateway.IntegrationTests.Orders.OrdersFixture;

namespace Gateway.IntegrationTests.Orders.Documents;

/// <summary>
/// The same order placed through two gateways, one with orders on the legacy ERP (SOAP), one on the cloud ERP (REST):
/// its shipments, invoice and a credited return read the same from both. Only what each ERP assigns on its own is set
/// aside: the ids that carry each order's id, the ERPs' numbers (invoice, credit note), carrier and tracking number
/// (assigned per ERP order number) and instants; every part, line, quantity, amount, tax, currency, due date and status
/// must be identical.
/// </summary>
[Collection(SharedOrders.Name)]
public sealed class OrderDocumentConformanceTests(OrdersFixture fixture)
{
    static readonly string[] Assigned = ["orderId", "shipmentId", "invoiceId", "returnId", "invoiceNumber", "creditNoteNumber", "carrier", "trackingNumber"];
    static readonly string[] Instants = ["shippedAt", "issuedAt", "requestedAt", "statusChangedAt"];

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Shipments_invoices_and_returns_are_the_same_whichever_erp_holds_the_orders()
    {
        var answers = new List<string[]>();
        foreach (var orders in new[] { "Legacy", "Cloud" })
        {
            await using var gateway = await DocumentGateway.StartAsync(fixture, orders, configure: null, Ct);
            var calls = new DocumentCalls(gateway.Client, TokenFor(fixture.Customers[13].CustomerId));
            var order = await calls.PlaceAndWaitAsync(OrderBodies.Valid(fixture, customer: 13, lines: 3, firstSku: 4), "Invoiced");
            var orderId = order.GetProperty("orderId").GetString()!;
            var line = order.GetProperty("lines")[2];
            var (created, requested) = await calls.PostAsync(
                "v1/returns",
                new { orderId, lines = new[] { new { sku = line.GetProperty("sku").GetString(), quantity = line.GetProperty("quantity").GetInt32() } }, reason = "Wrong item" },
                Guid.NewGuid().ToString("N"));
            Assert.Equal(HttpStatusCode.Created, created);
            var credited = await calls.WaitForAsync("v1/returns/" + requested.GetProperty("returnId").GetString(), r => r.GetProperty("status").GetString() == "Credited");

            answers.Add(
            [
                Normalized((await calls.GetAsync($"v1/orders/{orderId}/shipments")).Body),
                Normalized((await calls.GetAsync("v1/invoices/inv_" + orderId[4..])).Body),
                Normalized(credited),
            ]);
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.Contains("\"part\":2", answers[0][0], StringComparison.Ordinal);
    }

    static string Normalized(JsonElement answer)
    {
        var node = JsonNode.Parse(answer.GetRawText())!;
        Mask(node);
        return node.ToJsonString();
    }

    static void Mask(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is JsonValue && (Assigned.Contains(name) || Instants.Contains(name)))
                    {
                        obj[name] = "*";
                    }
                    else
                    {
                        Mask(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Mask(item);
                }

                break;
        }
    }
}
