using Gateway.Core.Orders;
using Gateway.Orders;
using Gateway.Orders.Status;

namespace Gateway.Tests.Orders.Status;

public class OrderProgressTests
{
    static readonly DateTimeOffset T0 = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    static Order Accepted() => new("ord_1", "20001", "20001-01", null, [new OrderLine("100001", 12, null)],
        OrderStatus.Accepted, [new StatusChange(OrderStatus.Accepted, T0, "Accepted by the gateway.")], null, [], T0);

    static SalesOrderState Erp(ErpOrderStatus status, string? carrier = null, string? tracking = null, string? reject = null) =>
        new("SO-0000001", "ord_1", status, carrier, tracking, T0.AddMinutes(1), reject, Created: false);

    [Fact]
    public void Apply_ConfirmedToAcceptedOrder_PassesSubmittedThenConfirmed()
    {
        var sut = OrderProgress.Apply(Accepted(), Erp(ErpOrderStatus.Confirmed));

        Assert.Equal(OrderStatus.Confirmed, sut.Status);
        Assert.Equal("SO-0000001", sut.ErpOrderNumber);
        Assert.Equal([OrderStatus.Accepted, OrderStatus.SubmittedToErp, OrderStatus.Confirmed], sut.StatusHistory.Select(h => h.Status));
    }

    [Fact]
    public void Apply_ShippedSkippingAllocated_RecordsEveryStatusAndTheShipment()
    {
        var confirmed = OrderProgress.Apply(Accepted(), Erp(ErpOrderStatus.Confirmed));

        var sut = OrderProgress.Apply(confirmed, Erp(ErpOrderStatus.Shipped, "UPS", "TRK1"));

        Assert.Equal(OrderStatus.Shipped, sut.Status);
        Assert.Equal([OrderStatus.Allocated, OrderStatus.Shipped], sut.StatusHistory.Skip(3).Select(h => h.Status));
        Assert.Equal([new Shipment("UPS", "TRK1")], sut.Shipments);
        Assert.Contains("TRK1", sut.StatusHistory[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ParcelsOfTwoParts_ListsEachShipmentOnceInPartOrder()
    {
        ErpShipment[] parcels =
        [
            new(2, "FedEx", "TRK2", T0, [new ItemQuantity("100002", 6)]),
            new(1, "UPS", "TRK1", T0, [new ItemQuantity("100001", 12)]),
        ];

        var sut = OrderProgress.Apply(Accepted(), Erp(ErpOrderStatus.Shipped, "UPS", "TRK1"), parcels);
        var again = OrderProgress.Apply(sut, Erp(ErpOrderStatus.Invoiced, "UPS", "TRK1"), parcels);

        Assert.Equal([new Shipment("UPS", "TRK1"), new Shipment("FedEx", "TRK2")], sut.Shipments);
        Assert.Equal(sut.Shipments, again.Shipments);
    }

    [Fact]
    public void Apply_OlderStatus_ChangesNothing()
    {
        var shipped = OrderProgress.Apply(Accepted(), Erp(ErpOrderStatus.Shipped, "UPS", "TRK1"));

        var sut = OrderProgress.Apply(shipped, Erp(ErpOrderStatus.Allocated));

        Assert.Equal(shipped, sut);
    }

    [Fact]
    public void Apply_Rejected_RecordsTheErpsReasonOnce()
    {
        var once = OrderProgress.Apply(Accepted(), Erp(ErpOrderStatus.Rejected, reject: "SKU 100001 is blocked."));

        var sut = OrderProgress.Apply(once, Erp(ErpOrderStatus.Rejected, reject: "SKU 100001 is blocked."));

        Assert.Equal(OrderStatus.Rejected, sut.Status);
        Assert.Single(sut.StatusHistory, h => h.Status == OrderStatus.Rejected);
        Assert.Contains("blocked", sut.StatusHistory[^1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ErpTimeBeforeOurLastEntry_HistoryStillReadsForward()
    {
        var submitted = OrderProgress.Append(Accepted(), OrderStatus.SubmittedToErp, T0.AddMinutes(2), "Handed to the ERP.");

        var sut = OrderProgress.Apply(submitted, Erp(ErpOrderStatus.Confirmed));

        Assert.Equal(T0.AddMinutes(2), sut.StatusHistory[^1].At);
    }

    [Theory]
    [InlineData(OrderStatus.SubmittedToErp, true)]
    [InlineData(OrderStatus.Shipped, true)]
    [InlineData(OrderStatus.Invoiced, false)]
    [InlineData(OrderStatus.OnHold, false)]
    [InlineData(OrderStatus.Cancelled, false)]
    public void IsOpen_Status_OnlyWhileTheErpMovesIt(OrderStatus status, bool open) => Assert.Equal(open, OrderProgress.IsOpen(status));
}
