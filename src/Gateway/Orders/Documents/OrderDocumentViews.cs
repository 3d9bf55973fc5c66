using Gateway.Core.Orders;

namespace Gateway.Orders.Documents;

/// <summary>A parcel of an order (<c>GET /v1/shipments/{shipmentId}</c>): what left, with whom, under which tracking number.</summary>
public sealed record OrderShipment(
    string ShipmentId,
    string OrderId,
    int Part,
    string Carrier,
    string TrackingNumber,
    DateTimeOffset ShippedAt,
    IReadOnlyList<ItemQuantity> Lines);

/// <summary>The parcels of an order, first part first (<c>GET /v1/orders/{orderId}/shipments</c>); empty before it ships.</summary>
public sealed record ShipmentList(string OrderId, IReadOnlyList<OrderShipment> Items);

/// <summary>
/// An order's invoice (<c>GET /v1/invoices/{invoiceId}</c>). <c>invoiceNumber</c> is the ERP's own; the due date follows
/// the customer's payment terms; <c>status</c> is <c>Open</c>, <c>Paid</c> or <c>Overdue</c> (open past its due date).
/// </summary>
public sealed record Invoice(
    string InvoiceId,
    string InvoiceNumber,
    string OrderId,
    string CustomerId,
    string Currency,
    IReadOnlyList<InvoiceLine> Lines,
    decimal Subtotal,
    decimal TaxRate,
    decimal Tax,
    decimal Total,
    DateTimeOffset IssuedAt,
    DateOnly DueDate,
    InvoiceStatus Status);

/// <summary>One page of a customer's invoices, oldest first; <c>nextCursor</c> is null on the last page.</summary>
public sealed record InvoiceList(IReadOnlyList<Invoice> Items, string? NextCursor);

internal static class OrderDocumentViews
{
    public static OrderShipment ToView(string orderId, ErpShipment shipment) => new(
        DocumentIds.Shipment(orderId, shipment.Part), orderId, shipment.Part, shipment.Carrier, shipment.TrackingNumber, shipment.ShippedAt, shipment.Lines);

    public static Invoice ToView(string orderId, ErpInvoice invoice, DateOnly today) => new(
        DocumentIds.Invoice(orderId), invoice.InvoiceNumber, orderId, invoice.CustomerId, invoice.Currency, invoice.Lines,
        invoice.Subtotal, invoice.TaxRate, invoice.Tax, invoice.Total, invoice.IssuedAt, invoice.DueDate, invoice.StatusOn(today));
}
