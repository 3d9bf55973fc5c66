using Gateway.Core.Orders;
using Gateway.Erp.Connector;
using Gateway.Erp.Outbound;

namespace Gateway.Erp.Cloud;

/// <summary>An order's shipments, invoices and returns from the cloud dialect.</summary>
internal static partial class CloudMapping
{
    public static ErpShipment ToShipment(CloudShipment shipment) => new(
        shipment.Part,
        shipment.Carrier,
        shipment.TrackingNumber,
        CanonicalAmounts.Timestamp(shipment.ShippedAt),
        [.. shipment.Lines.Select(l => new ItemQuantity(l.Sku, l.Quantity))]);

    public static ErpInvoice ToInvoice(CloudInvoice invoice) => new(
        invoice.InvoiceNumber,
        invoice.ExternalReference,
        invoice.CustomerId,
        invoice.Currency,
        [.. invoice.Lines.Select(l => new InvoiceLine(l.Sku, l.Quantity, CanonicalAmounts.Money(l.UnitPrice), CanonicalAmounts.Money(l.Amount)))],
        CanonicalAmounts.Money(invoice.Subtotal),
        CanonicalAmounts.Rate(invoice.TaxRate),
        CanonicalAmounts.Money(invoice.Tax),
        CanonicalAmounts.Money(invoice.Total),
        CanonicalAmounts.Timestamp(invoice.IssuedAt),
        invoice.DueDate,
        invoice.Status switch
        {
            "paid" => true,
            "open" or "overdue" => false,
            _ => throw new ErpContractException($"The cloud ERP sent an unknown invoice status '{invoice.Status}'."),
        });

    public static CloudReturnRequest ToCloud(ReturnRequest request) => new(
        request.ExternalReference, request.ErpOrderNumber, [.. request.Lines.Select(l => new CloudItemQuantity(l.Sku, l.Quantity))], request.Reason);

    public static ErpReturn ToReturn(CloudReturn rma, bool created) => new(
        rma.ReturnNumber,
        rma.ExternalReference,
        rma.CustomerId,
        [.. rma.Lines.Select(l => new ItemQuantity(l.Sku, l.Quantity))],
        rma.Reason,
        rma.Status switch
        {
            "requested" => ReturnStatus.Requested,
            "authorised" => ReturnStatus.Authorised,
            "received" => ReturnStatus.Received,
            "credited" => ReturnStatus.Credited,
            "rejected" => ReturnStatus.Rejected,
            _ => throw new ErpContractException($"The cloud ERP sent an unknown return status '{rma.Status}'."),
        },
        rma.RejectReason,
        rma.CreditNoteNumber,
        rma.CreditAmount is { } amount ? CanonicalAmounts.Money(amount) : null,
        CanonicalAmounts.Timestamp(rma.CreatedAt),
        CanonicalAmounts.Timestamp(rma.StatusChangedAt),
        created);
}
