using System.Text.Json.Serialization;

namespace ErpSimulator.Cloud;

/// <summary>
/// A sales order request. <paramref name="ExternalReference"/> is the caller's idempotency key: the same reference
/// again returns the first order instead of booking another one.
/// </summary>
public sealed record CloudSalesOrderRequest(
    string? ExternalReference,
    string? CustomerId,
    string? ShipToId,
    string? PoNumber,
    IReadOnlyList<CloudSalesOrderLine>? Lines);

/// <summary>A line in eaches; the quantity must be a positive multiple of the item's pack size.</summary>
public sealed record CloudSalesOrderLine(string? Sku, decimal Quantity, decimal? UnitPrice);

/// <summary>A sales order: status <c>confirmed</c>, <c>allocated</c>, <c>shipped</c>, <c>invoiced</c> or <c>rejected</c>.</summary>
public sealed record CloudSalesOrder(
    string OrderNumber,
    string ExternalReference,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Carrier,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TrackingNumber,
    DateTimeOffset StatusChangedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RejectReason);
