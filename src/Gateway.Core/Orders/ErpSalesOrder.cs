namespace Gateway.Core.Orders;

/// <summary>An accepted order as handed to the ERP; <paramref name="ExternalReference"/> makes the hand-off idempotent.</summary>
public sealed record SalesOrderRequest(
    string ExternalReference,
    string CustomerId,
    string ShipToId,
    string? PoNumber,
    IReadOnlyList<SalesOrderLine> Lines);

/// <summary>One line of a sales order; quantity in eaches.</summary>
public sealed record SalesOrderLine(string Sku, int Quantity, decimal? UnitPrice);

/// <summary>The ERP's view of a sales order.</summary>
/// <param name="Created">False when the ERP already held an order for the external reference.</param>
public sealed record SalesOrderState(
    string OrderNumber,
    string ExternalReference,
    ErpOrderStatus Status,
    string? Carrier,
    string? TrackingNumber,
    DateTimeOffset StatusChangedAt,
    string? RejectReason,
    bool Created);

/// <summary>The ERP-side life of a sales order.</summary>
public enum ErpOrderStatus
{
    Confirmed,
    Allocated,
    Shipped,
    Invoiced,
    Rejected,
}
