using System.Globalization;
using Gateway.Core.Orders;
using Gateway.Erp.Connector;
using Gateway.Erp.Legacy.Contract;

namespace Gateway.Erp.Legacy;

/// <summary>An order's deliveries, invoices and returns from the legacy dialect.</summary>
internal static partial class LegacyMapping
{
    public static ErpShipment ToShipment(LegacyShipment shipment) => new(
        shipment.Part,
        shipment.Carrier,
        shipment.TrackingNumber,
        Timestamp(shipment.ShipDate, shipment.ShipTime),
        [.. shipment.Lines.Select(ToItemQuantity)]);

    public static ItemQuantity ToItemQuantity(LegacyReturnLine line) => new(Sku(line.ItemNumber), Quantity(line.Quantity));

    public static LegacyReturnLine ToLegacy(ItemQuantity line) => new() { ItemNumber = ItemNumber(line.Sku) ?? line.Sku, Quantity = Quantity(line.Quantity) };

    public static ErpInvoice ToInvoice(LegacyInvoice invoice) => new(
        invoice.InvoiceNumber,
        invoice.ExternalRef,
        CustomerId(invoice.CustomerNumber),
        invoice.Currency,
        [.. invoice.Lines.Select(l => new InvoiceLine(Sku(l.ItemNumber), Quantity(l.Quantity), Money(l.UnitPrice), Money(l.NetAmount)))],
        Money(invoice.NetAmount),
        CanonicalAmounts.Rate(Decimal(invoice.TaxPercent, "tax percent") / 100m),
        Money(invoice.TaxAmount),
        Money(invoice.GrossAmount),
        Timestamp(invoice.InvoiceDate, invoice.InvoiceTime),
        Day(invoice.DueDate),
        invoice.Status switch
        {
            "P" => true,
            "O" or "D" => false,
            _ => throw Unexpected("invoice status", invoice.Status),
        });

    public static ErpReturn ToReturn(LegacyReturn rma, bool created) => new(
        rma.ReturnNumber,
        rma.ExternalRef,
        CustomerId(rma.CustomerNumber),
        [.. rma.Lines.Select(ToItemQuantity)],
        string.IsNullOrEmpty(rma.ReasonText) ? null : rma.ReasonText,
        rma.Status switch
        {
            "Q" => ReturnStatus.Requested,
            "A" => ReturnStatus.Authorised,
            "E" => ReturnStatus.Received,
            "C" => ReturnStatus.Credited,
            "R" => ReturnStatus.Rejected,
            _ => throw Unexpected("return status", rma.Status),
        },
        string.IsNullOrEmpty(rma.RejectReason) ? null : rma.RejectReason,
        string.IsNullOrEmpty(rma.CreditMemoNumber) ? null : rma.CreditMemoNumber,
        string.IsNullOrEmpty(rma.CreditAmount) ? null : Money(rma.CreditAmount),
        Timestamp(rma.CreateDate, rma.CreateTime),
        Timestamp(rma.StatusDate, rma.StatusTime),
        created);

    public static string Date(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    static DateOnly Day(string text) =>
        DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : throw Unexpected("date", text);
}
