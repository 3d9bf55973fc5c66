namespace Gateway.Core.Orders;

/// <summary>One parcel of a sales order as the ERP reports it; <paramref name="Part"/> is 1, 2, ... in the order they left.</summary>
public sealed record ErpShipment(int Part, string Carrier, string TrackingNumber, DateTimeOffset ShippedAt, IReadOnlyList<ItemQuantity> Lines);

/// <summary>A SKU and a quantity in eaches.</summary>
public sealed record ItemQuantity(string Sku, int Quantity);

/// <summary>
/// A sales order's invoice as the ERP reports it. <paramref name="InvoiceNumber"/> is the ERP's own number, spelled as
/// that ERP spells it (as an order's ERP number is); <paramref name="TaxRate"/> is a fraction (0.13).
/// </summary>
public sealed record ErpInvoice(
    string InvoiceNumber,
    string OrderExternalReference,
    string CustomerId,
    string Currency,
    IReadOnlyList<InvoiceLine> Lines,
    decimal Subtotal,
    decimal TaxRate,
    decimal Tax,
    decimal Total,
    DateTimeOffset IssuedAt,
    DateOnly DueDate,
    bool Paid)
{
    /// <summary>Paid once paid; overdue from the day after its due date; open before. Judged when read, so a kept invoice turns overdue on time.</summary>
    public InvoiceStatus StatusOn(DateOnly today) => Paid ? InvoiceStatus.Paid : today > DueDate ? InvoiceStatus.Overdue : InvoiceStatus.Open;
}

/// <summary>An invoiced line: eaches at the order's unit price; <paramref name="Amount"/> rounded to the cent.</summary>
public sealed record InvoiceLine(string Sku, int Quantity, decimal UnitPrice, decimal Amount);

/// <summary>The canonical invoice statuses.</summary>
public enum InvoiceStatus
{
    Open,
    Paid,
    Overdue,
}

/// <summary>A window of a customer's invoices, oldest first, and how many there are in all.</summary>
public sealed record InvoicePage(IReadOnlyList<ErpInvoice> Items, int Total);

/// <summary>A return authorisation request handed to the ERP; <paramref name="ExternalReference"/> makes it idempotent.</summary>
public sealed record ReturnRequest(string ExternalReference, string ErpOrderNumber, IReadOnlyList<ItemQuantity> Lines, string? Reason);

/// <summary>A return as the ERP reports it.</summary>
/// <param name="Created">False when the ERP already held a return for the external reference.</param>
public sealed record ErpReturn(
    string ReturnNumber,
    string ExternalReference,
    string CustomerId,
    IReadOnlyList<ItemQuantity> Lines,
    string? Reason,
    ReturnStatus Status,
    string? RejectReason,
    string? CreditNoteNumber,
    decimal? CreditAmount,
    DateTimeOffset CreatedAt,
    DateTimeOffset StatusChangedAt,
    bool Created);

/// <summary>The life of a return: requested, then authorised or rejected; an authorised return is received, then credited.</summary>
public enum ReturnStatus
{
    Requested,
    Authorised,
    Received,
    Credited,
    Rejected,
}
