using ErpSimulator.Backends;
using ErpSimulator.Data;
using ErpSimulator.Tests.Legacy.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSimulator.Tests.Legacy;

public sealed class LegacySalesOrderTests
{
    [Fact]
    public async Task A_sales_order_is_created_once_per_external_reference()
    {
        await using var simulator = await SimulatorHost.StartAsync();
        using var client = new LegacyClient(simulator.BaseAddress);
        var customer = simulator.Services.GetRequiredService<ErpDataSet>().Sample(0, 20).Customers.First(c => c.CreditStatus == CreditStatus.Ok);
        var sku = customer.ContractSkus[0];
        var packSize = simulator.Services.GetRequiredService<ErpDataSet>().FindItem(sku)!.Unit.PackSize;
        LegacyOrderLine[] lines = [new() { ItemNumber = LegacyClient.Item(sku), Quantity = $"{packSize * 2}.000" }];
        var shipTo = LegacyClient.Customer(customer.CustomerId) + customer.ShipToIds[0][5..];

        var first = await client.Erp.CreateSalesOrder("ref-legacy-1", LegacyClient.Customer(customer.CustomerId), shipTo, "PO-1", lines);
        var second = await client.Erp.CreateSalesOrder("ref-legacy-1", LegacyClient.Customer(customer.CustomerId), shipTo, "PO-1", lines);
        var held = await client.Erp.GetSalesOrders([first.OrderNumber], null);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.OrderNumber, second.OrderNumber);
        Assert.Matches("^45[0-9]{8}$", first.OrderNumber);
        Assert.Equal("C", first.Status);
        Assert.Equal("ref-legacy-1", Assert.Single(held.SalesOrders).ExternalRef);
        Assert.Equal(1, simulator.Services.GetRequiredService<SimulatorStats>().OrdersCreated);
    }
}
