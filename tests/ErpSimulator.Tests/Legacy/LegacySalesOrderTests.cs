using System.Globalization;
using ErpSimulator.Tests.Legacy.Client;

namespace ErpSimulator.Tests.Legacy;

public sealed class LegacySalesOrderTests
{
    [Fact]
    public async Task CreateSalesOrder_SameExternalReferenceTwice_CreatedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var sut = await SimulatorHost.StartAsync();
        using var client = new LegacyClient(sut.BaseAddress);
        var customer = (await SimControl.SampleAsync(sut.Client, 0, 20, ct)).Customers.First(c => c.CreditStatus == "Ok");
        var item = (await client.Erp.GetItems([LegacyClient.Item(customer.ContractSkus[0])])).Items.Single();
        var packSize = item.Uom == "EA" ? 1 : int.Parse(item.Uom[2..], CultureInfo.InvariantCulture);
        LegacyOrderLine[] lines = [new() { ItemNumber = item.ItemNumber, Quantity = $"{packSize * 2}.000" }];
        var customerNumber = LegacyClient.Customer(customer.CustomerId);
        var shipTo = customerNumber + customer.ShipToIds[0][customer.CustomerId.Length..];

        var first = await client.Erp.CreateSalesOrder("ref-legacy-1", customerNumber, shipTo, "PO-1", lines);
        var second = await client.Erp.CreateSalesOrder("ref-legacy-1", customerNumber, shipTo, "PO-1", lines);
        var held = await client.Erp.GetSalesOrders([first.OrderNumber], null);
        var stats = await SimControl.StatsAsync(sut.Client, ct);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.OrderNumber, second.OrderNumber);
        Assert.Matches("^45[0-9]{8}$", first.OrderNumber);
        Assert.Equal("C", first.Status);
        Assert.Equal("ref-legacy-1", Assert.Single(held.SalesOrders).ExternalRef);
        Assert.Equal(1, stats.OrdersCreated);
        Assert.Equal(2, stats.Legacy.Operations["CreateSalesOrder"].Calls);
    }
}
