using System.Net;
using ErpSimulator.Cloud;
using ErpSimulator.Control;
using ErpSimulator.Data;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSimulator.Tests.Cloud;

[Collection(SharedSimulator.Name)]
public sealed class CloudSalesOrderTests(SimulatorFixture fixture)
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task CreateSalesOrder_SameExternalReferencePostedAgain_BooksOneOrder()
    {
        var request = await ValidOrderAsync();
        var before = (await Client.GetJsonAsync<StatsView>("_sim/stats")).OrdersCreated;

        using var first = await Client.PostJsonAsync("cloud/api/sales-orders", request);
        using var again = await Client.PostJsonAsync("cloud/api/sales-orders", request);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var order = await first.ReadAsync<CloudSalesOrder>();
        Assert.Equal(order.OrderNumber, (await again.ReadAsync<CloudSalesOrder>()).OrderNumber);
        Assert.Equal($"/cloud/api/sales-orders/{order.OrderNumber}", first.Headers.Location?.OriginalString);
        Assert.Equal(before + 1, (await Client.GetJsonAsync<StatsView>("_sim/stats")).OrdersCreated);
        var held = await Client.GetJsonAsync<List<OrderView>>($"_sim/orders?externalRef={request.ExternalReference}");
        Assert.Equal(order.OrderNumber, Assert.Single(held).OrderNumber);
    }

    [Fact]
    public async Task GetSalesOrder_OverTime_MovesFromConfirmedToInvoicedWithACarrierAndTrackingNumber()
    {
        using var created = await Client.PostJsonAsync("cloud/api/sales-orders", await ValidOrderAsync());
        var order = await created.ReadAsync<CloudSalesOrder>();
        Assert.Equal("confirmed", order.Status);

        var invoiced = await CloudJson.EventuallyAsync(
            async () =>
            {
                var current = await Client.GetJsonAsync<CloudSalesOrder>($"cloud/api/sales-orders/{order.OrderNumber}");
                return current.Status == "invoiced" ? current : null;
            },
            TimeSpan.FromSeconds(10),
            "the order to be invoiced");

        Assert.False(string.IsNullOrEmpty(invoiced.Carrier));
        Assert.False(string.IsNullOrEmpty(invoiced.TrackingNumber));
        var byReference = await Client.GetJsonAsync<CloudSalesOrder>($"cloud/api/sales-orders?externalReference={invoiced.ExternalReference}");
        Assert.Equal(invoiced.OrderNumber, byReference.OrderNumber);
    }

    [Fact]
    public async Task CreateSalesOrder_OrderTheErpRefuses_Is422WithTheReason()
    {
        var valid = await ValidOrderAsync();
        var data = fixture.Services.GetRequiredService<ErpDataSet>();
        var inactive = Enumerable.Range(20001, data.CustomerCount).Select(c => data.FindCustomer(c.ToString(System.Globalization.CultureInfo.InvariantCulture))!)
            .First(c => c.Status == CustomerStatus.Inactive);
        var blockedSku = Enumerable.Range(100_000, data.SkuCount).Select(s => data.FindItem(s.ToString(System.Globalization.CultureInfo.InvariantCulture))!)
            .First(i => i.Status != ItemStatus.Active).Sku;
        var cases = new (CloudSalesOrderRequest Request, string Reason)[]
        {
            (valid with { ExternalReference = Guid.NewGuid().ToString(), CustomerId = "29999" }, "Unknown customer"),
            (valid with { ExternalReference = Guid.NewGuid().ToString(), CustomerId = inactive.CustomerId, ShipToId = inactive.ShipTos[0].ShipToId }, "inactive"),
            (valid with { ExternalReference = Guid.NewGuid().ToString(), ShipToId = "20001-99" }, "Ship-to"),
            (valid with { ExternalReference = Guid.NewGuid().ToString(), Lines = [new CloudSalesOrderLine("999999", 1, null)] }, "Unknown SKU"),
            (valid with { ExternalReference = Guid.NewGuid().ToString(), Lines = [new CloudSalesOrderLine(blockedSku, 48, null)] }, blockedSku),
            (valid with { ExternalReference = Guid.NewGuid().ToString(), Lines = [valid.Lines![0] with { Quantity = valid.Lines[0].Quantity + 0.5m }] }, "pack size"),
        };

        foreach (var (request, reason) in cases)
        {
            using var response = await Client.PostJsonAsync("cloud/api/sales-orders", request);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var error = (await response.ReadAsync<CloudError>()).Error;
            Assert.Equal("order_rejected", error.Code);
            Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        }

        using var missing = await Client.PostJsonAsync("cloud/api/sales-orders", valid with { ExternalReference = null });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    /// <summary>An order the ERP accepts: an active sample customer, its first ship-to, one pack of an active SKU.</summary>
    private async Task<CloudSalesOrderRequest> ValidOrderAsync()
    {
        var sample = await Client.GetJsonAsync<DataSample>("_sim/sample?skus=1&customers=1");
        var item = await Client.GetJsonAsync<CloudItem>($"cloud/api/items/{sample.Skus[0]}");
        var customer = sample.Customers[0];
        return new CloudSalesOrderRequest(
            Guid.NewGuid().ToString(), customer.CustomerId, customer.ShipToIds[0], "PO-1", [new CloudSalesOrderLine(item.Sku, item.UnitOfMeasure.PackSize * 2, null)]);
    }
}
