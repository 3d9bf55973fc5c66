using Gateway.Orders;
using Gateway.Orders.Intake;

namespace Gateway.Tests.Orders.Intake;

public class OrderRequestRulesTests
{
    static OrderRequest Valid(params OrderLineRequest?[] lines) =>
        new("20001", "20001-01", null, lines.Length == 0 ? [new OrderLineRequest("100001", 12, null)] : lines);

    [Fact]
    public void Check_ValidRequest_NoErrors() => Assert.Empty(OrderRequestRules.Check(Valid()));

    [Fact]
    public void Check_MissingCustomerAndShipTo_NamesBoth()
    {
        var errors = OrderRequestRules.Check(Valid() with { CustomerId = " ", ShipToId = null });

        Assert.Equal(["customerId", "shipToId"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_NoLines_NamesLines() => Assert.Contains("lines", OrderRequestRules.Check(Valid() with { Lines = [] }).Keys);

    [Fact]
    public void Check_501Lines_NamesLines()
    {
        var errors = OrderRequestRules.Check(Valid([.. Enumerable.Repeat(new OrderLineRequest("100001", 1, null), 501)]));

        Assert.Equal(["lines"], errors.Keys);
    }

    [Fact]
    public void Check_500Lines_NoErrors() =>
        Assert.Empty(OrderRequestRules.Check(Valid([.. Enumerable.Repeat(new OrderLineRequest("100001", 1, null), 500)])));

    [Fact]
    public void Check_BadLines_NamesEachFieldByItsPath()
    {
        var errors = OrderRequestRules.Check(Valid(
            new OrderLineRequest("100001", 1, null),
            new OrderLineRequest(null, 0, -1m),
            null));

        Assert.Equal(["lines[1].quantity", "lines[1].sku", "lines[1].unitPrice", "lines[2]"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
