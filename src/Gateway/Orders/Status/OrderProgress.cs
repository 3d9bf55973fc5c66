using Gateway.Core.Orders;

namespace Gateway.Orders.Status;

/// <summary>
/// How an order's status follows the ERP's: only forward, one history entry per status passed. A status the ERP went
/// through between two checks is recorded too (at the time the ERP reported), so the history always reads
/// SubmittedToErp → Confirmed → Allocated → Shipped → Invoiced.
/// </summary>
internal static class OrderProgress
{
    static readonly OrderStatus[] Path = [OrderStatus.SubmittedToErp, OrderStatus.Confirmed, OrderStatus.Allocated, OrderStatus.Shipped, OrderStatus.Invoiced];

    /// <summary>Statuses whose order the ERP still moves along (worth a status check).</summary>
    public static bool IsOpen(OrderStatus status) => status is OrderStatus.SubmittedToErp or OrderStatus.Confirmed or OrderStatus.Allocated or OrderStatus.Shipped;

    /// <summary>The order with one more history entry.</summary>
    public static Order Append(Order order, OrderStatus status, DateTimeOffset at, string reason)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order with { Status = status, StatusHistory = [.. order.StatusHistory, new StatusChange(status, at, reason)] };
    }

    /// <summary>The order moved to what the ERP reports; the same order when that is no news.</summary>
    /// <param name="parcels">The order's parcels, when the ERP was asked for them: each one the order does not list yet is added.</param>
    public static Order Apply(Order order, SalesOrderState erp, IReadOnlyList<ErpShipment>? parcels = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(erp);
        var shipments = order.Shipments;
        IEnumerable<Shipment> reported = erp is { Carrier: { } carrier, TrackingNumber: { } tracking } ? [new Shipment(carrier, tracking)] : [];
        foreach (var shipment in reported.Concat((parcels ?? []).OrderBy(p => p.Part).Select(p => new Shipment(p.Carrier, p.TrackingNumber))))
        {
            if (!shipments.Any(s => s.TrackingNumber == shipment.TrackingNumber))
            {
                shipments = [.. shipments, shipment];
            }
        }

        var next = order with { ErpOrderNumber = erp.OrderNumber, Shipments = shipments };

        if (erp.Status == ErpOrderStatus.Rejected)
        {
            return next.Status == OrderStatus.Rejected
                ? next
                : Append(next, OrderStatus.Rejected, NotBeforeLast(next, erp.StatusChangedAt), "Rejected by the ERP: " + (erp.RejectReason ?? "no reason given"));
        }

        var target = Array.IndexOf(Path, ToStatus(erp.Status));
        for (var step = Array.IndexOf(Path, next.Status) + 1; step <= target; step++)
        {
            next = Append(next, Path[step], NotBeforeLast(next, erp.StatusChangedAt), Reason(Path[step], erp));
        }

        return next;
    }

    /// <summary>The ERPs stamp whole seconds: an ERP time may precede our own last entry, and a history reads forward.</summary>
    static DateTimeOffset NotBeforeLast(Order order, DateTimeOffset at) =>
        order.StatusHistory is [.., var last] && last.At > at ? last.At : at;

    static OrderStatus ToStatus(ErpOrderStatus status) => status switch
    {
        ErpOrderStatus.Confirmed => OrderStatus.Confirmed,
        ErpOrderStatus.Allocated => OrderStatus.Allocated,
        ErpOrderStatus.Shipped => OrderStatus.Shipped,
        ErpOrderStatus.Invoiced => OrderStatus.Invoiced,
        _ => OrderStatus.Rejected,
    };

    static string Reason(OrderStatus status, SalesOrderState erp) => status switch
    {
        OrderStatus.SubmittedToErp => "Handed to the ERP.",
        OrderStatus.Confirmed => $"Confirmed by the ERP as sales order {erp.OrderNumber}.",
        OrderStatus.Allocated => "Stock allocated by the ERP.",
        OrderStatus.Shipped => erp is { Carrier: { } carrier, TrackingNumber: { } tracking } ? $"Shipped with {carrier}, tracking number {tracking}." : "Shipped.",
        _ => "Invoiced by the ERP.",
    };
}
