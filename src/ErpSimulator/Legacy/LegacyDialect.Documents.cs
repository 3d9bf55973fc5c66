using System.Globalization;
using ErpSimulator.Data;
using ErpSimulator.Legacy.Contract;

namespace ErpSimulator.Legacy;

/// <summary>An order's documents (deliveries, invoices, returns) in the legacy spelling.</summary>
internal static partial class LegacyDialect
{
    public static string Code(InvoiceStatus status) => status switch
    {
        InvoiceStatus.Paid => "P",
        InvoiceStatus.Overdue => "D",
        _ => "O",
    };

    public static string Code(ReturnStatus status) => status switch
    {
        ReturnStatus.Requested => "Q",
        ReturnStatus.Authorised => "A",
        ReturnStatus.Received => "E",
        ReturnStatus.Credited => "C",
        _ => "R",
    };

    public static LegacyShipment ToLegacy(SimShipment shipment) => new()
    {
        DeliveryNumber = shipment.Number.Legacy,
        OrderNumber = shipment.Order.Legacy,
        Part = shipment.Part,
        Carrier = shipment.Carrier,
        TrackingNumber = shipment.TrackingNumber,
        ShipDate = Date(shipment.ShippedAt),
        ShipTime = Time(shipment.ShippedAt),
        Lines = [.. shipment.Lines.Select(ToLegacy)],
    };

    public static LegacyReturnLine ToLegacy(SimShippedLine line) => new() { ItemNumber = ItemNumber(line.Sku), Quantity = Quantity(line.Quantity) };

    public static LegacyInvoice ToLegacy(SimInvoice invoice, DateOnly today) => new()
    {
        InvoiceNumber = invoice.Number.Legacy,
        OrderNumber = invoice.Order.Legacy,
        ExternalRef = invoice.OrderExternalRef,
        CustomerNumber = CustomerNumber(invoice.CustomerId),
        Currency = invoice.Currency,
        Lines = [.. invoice.Lines.Select(l => new LegacyInvoiceLine
        {
            ItemNumber = ItemNumber(l.Sku),
            Quantity = Quantity(l.Quantity),
            UnitPrice = Money(l.UnitPrice),
            NetAmount = Money(l.Amount),
        })],
        NetAmount = Money(invoice.Subtotal),
        TaxPercent = (invoice.TaxRate * 100).ToString("0.000", CultureInfo.InvariantCulture),
        TaxAmount = Money(invoice.Tax),
        GrossAmount = Money(invoice.Total),
        InvoiceDate = Date(invoice.IssuedAt),
        InvoiceTime = Time(invoice.IssuedAt),
        DueDate = Date(invoice.DueDate),
        Status = Code(invoice.StatusOn(today)),
    };

    public static LegacyReturn ToLegacy(SimReturn rma) => new()
    {
        ReturnNumber = rma.Number.Legacy,
        ExternalRef = rma.ExternalRef,
        OrderNumber = rma.Order.Legacy,
        CustomerNumber = CustomerNumber(rma.CustomerId),
        Lines = [.. rma.Lines.Select(ToLegacy)],
        ReasonText = rma.Reason ?? "",
        Status = Code(rma.Status),
        RejectReason = rma.RejectReason ?? "",
        CreditMemoNumber = rma.CreditNote?.Legacy ?? "",
        CreditAmount = rma.CreditAmount is { } amount ? Money(amount) : "",
        CreateDate = Date(rma.CreatedAt),
        CreateTime = Time(rma.CreatedAt),
        StatusDate = Date(rma.StatusChangedAt),
        StatusTime = Time(rma.StatusChangedAt),
    };

    /// <summary>yyyyMMdd, strictly.</summary>
    public static DateOnly ParseDate(string? text, string field) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw LegacyFault.Invalid(field, $"'{text}' is not a date like 20261201.");
}
