namespace Gateway.Erp.Cloud;

// The cloud ERP's JSON, as api-specs/erp/README.md and cloud-erp.json describe it (camelCase on the wire).
// Enums stay strings here: CloudMapping is the one place that knows their values.

internal sealed record CloudItem(
    string Sku, string Name, string Description, string Category, CloudUnitOfMeasure UnitOfMeasure, string Status, long Version, DateTimeOffset UpdatedAt);

internal sealed record CloudUnitOfMeasure(string Code, int PackSize);

internal sealed record CloudAddress(string Line1, string City, string Region, string PostalCode, string Country);

internal sealed record CloudShipTo(string Id, string Name, CloudAddress Address);

internal sealed record CloudCustomer(
    string Id, string Name, string Status, string CreditStatus, string PaymentTerms, string Currency, CloudAddress BillTo, IReadOnlyList<CloudShipTo> ShipTos);

internal sealed record CloudPage<T>(IReadOnlyList<T> Data, int Offset, int Limit, int Total);

internal sealed record CloudList<T>(IReadOnlyList<T> Data);

internal sealed record CloudError(CloudErrorBody? Error);

internal sealed record CloudErrorBody(string? Code, string? Message);

internal sealed record CloudPriceBreak(int MinQuantity, decimal UnitPrice);

internal sealed record CloudInventory(string Sku, long Version, DateTimeOffset AsOf, IReadOnlyList<CloudLocation> Locations);

internal sealed record CloudLocation(string LocationId, int OnHand, int Allocated, int SafetyStock);

internal sealed record CloudSalesOrderRequest(string ExternalReference, string CustomerId, string ShipToId, string? PoNumber, IReadOnlyList<CloudSalesOrderLine> Lines);

internal sealed record CloudSalesOrderLine(string Sku, int Quantity, decimal? UnitPrice);

internal sealed record CloudSalesOrder(
    string OrderNumber, string ExternalReference, string Status, string? Carrier, string? TrackingNumber, DateTimeOffset StatusChangedAt, string? RejectReason);

internal sealed record CloudItemQuantity(string Sku, int Quantity);

internal sealed record CloudShipment(
    string ShipmentNumber, string OrderNumber, int Part, string Carrier, string TrackingNumber, DateTimeOffset ShippedAt, IReadOnlyList<CloudItemQuantity> Lines);

internal sealed record CloudInvoice(
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

internal sealed record CloudInvoiceLine(string Sku, int Quantity, decimal UnitPrice, decimal Amount);

internal sealed record CloudReturnRequest(string ExternalReference, string OrderNumber, IReadOnlyList<CloudItemQuantity> Lines, string? Reason);

internal sealed record CloudReturn(
    string ReturnNumber,
    string ExternalReference,
    string OrderNumber,
    string CustomerId,
    IReadOnlyList<CloudItemQuantity> Lines,
    string? Reason,
    string Status,
    string? RejectReason,
    string? CreditNoteNumber,
    decimal? CreditAmount,
    DateTimeOffset CreatedAt,
    DateTimeOffset StatusChangedAt);
