using System.Text.Json.Serialization;

namespace ErpSimulator.Cloud;

/// <summary>One parcel of a sales order; <paramref name="Part"/> is 1, 2, ... in the order they left.</summary>
public sealed record CloudShipment(
    string ShipmentNumber,
    string OrderNumber,
    int Part,
    string Carrier,
    string TrackingNumber,
    DateTimeOffset ShippedAt,
    IReadOnlyList<CloudItemQuantity> Lines);

/// <summary>A SKU and a quantity in eaches.</summary>
public sealed record CloudItemQuantity(string Sku, decimal Quantity);

/// <summary>An invoice: status <c>open</c>, <c>paid</c> or <c>overdue</c>; <c>taxRate</c> as a fraction (0.13).</summary>
public sealed record CloudInvoice(
    string InvoiceNumber,
    string OrderNumber,
    string ExternalReference,
    string CustomerId,
    string Currency,
    IReadOnlyList<CloudInvoiceLine> Lines,
    decimal Subtotal,
    decimal TaxRate,
    decimal Tax,
    decimal Total,
    DateTimeOffset IssuedAt,
    DateOnly DueDate,
    string Status);

public sealed record CloudInvoiceLine(string Sku, decimal Quantity, decimal UnitPrice, decimal Amount);

/// <summary>
/// A return authorisation request. <paramref name="ExternalReference"/> is the caller's idempotency key: the same
/// reference again returns the first return instead of booking another one.
/// </summary>
public sealed record CloudReturnRequest(string? ExternalReference, string? OrderNumber, IReadOnlyList<CloudReturnLine>? Lines, string? Reason);

public sealed record CloudReturnLine(string? Sku, decimal Quantity);

/// <summary>A return: status <c>requested</c>, <c>authorised</c>, <c>received</c>, <c>credited</c> or <c>rejected</c>.</summary>
public sealed record CloudReturn(
    string ReturnNumber,
    string ExternalReference,
    string OrderNumber,
    string CustomerId,
    IReadOnlyList<CloudItemQuantity> Lines,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    string Status,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RejectReason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CreditNoteNumber,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? CreditAmount,
    DateTimeOffset CreatedAt,
    DateTimeOffset StatusChangedAt);
