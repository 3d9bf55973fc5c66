using System.Net;
using ErpSimulator.Cloud;
using ErpSimulator.Data;

namespace ErpSimulator.Tests.Cloud;

[Collection(SharedSimulator.Name)]
public sealed class CloudDocumentTests(SimulatorFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task ListShipments_OrderOfTwoLines_TwoPartsThenAnInvoiceListedForTheCustomer()
    {
        var request = await OrderAsync(lines: 2);
        using var created = await Client.PostJsonAsync("cloud/api/sales-orders", request);
        var order = await created.ReadAsync<CloudSalesOrder>();

        var invoice = await CloudJson.EventuallyAsync(
            async () =>
            {
                using var answer = await Client.GetAsync(new Uri($"cloud/api/sales-orders/{order.OrderNumber}/invoice", UriKind.Relative), TestContext.Current.CancellationToken);
                return answer.StatusCode == HttpStatusCode.OK ? await answer.ReadAsync<CloudInvoice>() : null;
            },
            TimeSpan.FromSeconds(15),
            "the order to be invoiced");
        var shipments = await Client.GetJsonAsync<CloudList<CloudShipment>>($"cloud/api/sales-orders/{order.OrderNumber}/shipments");
        var listed = await Client.GetJsonAsync<CloudPage<CloudInvoice>>(
            $"cloud/api/invoices?customerId={request.CustomerId}&since={invoice.IssuedAt.UtcDateTime:yyyy-MM-dd}&limit=100");

        Assert.Equal([1, 2], shipments.Data.Select(s => s.Part));
        Assert.Equal(request.Lines![0].Sku, Assert.Single(shipments.Data[0].Lines).Sku);
        Assert.Equal(request.Lines[1].Sku, Assert.Single(shipments.Data[1].Lines).Sku);
        Assert.Matches("^SH-[0-9]{7}$", shipments.Data[0].ShipmentNumber);
        Assert.Matches("^INV-[0-9]{7}$", invoice.InvoiceNumber);
        Assert.Equal("open", invoice.Status);
        Assert.Equal(request.ExternalReference, invoice.ExternalReference);
        Assert.Contains(listed.Data, i => i.InvoiceNumber == invoice.InvoiceNumber);
    }

    [Fact]
    public async Task CreateReturn_SameReferenceTwiceThenTooMany_OneReturnAnd422NamingTheField()
    {
        var request = await OrderAsync(lines: 1);
        using var created = await Client.PostJsonAsync("cloud/api/sales-orders", request);
        var order = await created.ReadAsync<CloudSalesOrder>();
        await CloudJson.EventuallyAsync(
            async () => (await Client.GetJsonAsync<CloudList<CloudShipment>>($"cloud/api/sales-orders/{order.OrderNumber}/shipments")).Data.Count > 0 ? "" : null,
            TimeSpan.FromSeconds(15),
            "the order to ship");
        var line = request.Lines![0];
        var rma = new CloudReturnRequest(Guid.NewGuid().ToString(), order.OrderNumber, [new CloudReturnLine(line.Sku, line.Quantity)], "Damaged");

        using var first = await Client.PostJsonAsync("cloud/api/returns", rma);
        using var again = await Client.PostJsonAsync("cloud/api/returns", rma);
        using var tooMany = await Client.PostJsonAsync("cloud/api/returns", rma with { ExternalReference = Guid.NewGuid().ToString() });
        var found = await Client.GetJsonAsync<CloudReturn>($"cloud/api/returns?externalReference={rma.ExternalReference}");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((await first.ReadAsync<CloudReturn>()).ReturnNumber, found.ReturnNumber);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        var error = (await tooMany.ReadAsync<CloudError>()).Error;
        Assert.Equal("return_invalid", error.Code);
        Assert.Equal("lines[0].quantity", error.Field);
        Assert.Matches("^RMA-[0-9]{7}$", found.ReturnNumber);
    }

    /// <summary>An order the ERP accepts: a sample customer in good standing, its first ship-to, two packs of each of <paramref name="lines"/> SKUs.</summary>
    private async Task<CloudSalesOrderRequest> OrderAsync(int lines)
    {
        var sample = await Client.GetJsonAsync<DataSample>("_sim/sample?skus=20&customers=20");
        var customer = sample.Customers.First(c => c.CreditStatus == CreditStatus.Ok);
        var items = new List<CloudSalesOrderLine>();
        foreach (var sku in sample.Skus)
        {
            var item = await Client.GetJsonAsync<CloudItem>($"cloud/api/items/{sku}");
            if (item.Status == "active" && items.Count < lines)
            {
                items.Add(new CloudSalesOrderLine(item.Sku, item.UnitOfMeasure.PackSize * 2, null));
            }
        }

        return new CloudSalesOrderRequest(Guid.NewGuid().ToString(), customer.CustomerId, customer.ShipToIds[0], "PO-1", items);
    }
}
