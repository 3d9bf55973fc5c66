using ErpSimulator.Data;

namespace ErpSimulator.Cloud;

/// <summary>The simulator's records in the cloud dialect: camelCase, lower-case enums, plain numbers.</summary>
internal static class CloudMapping
{
    public static CloudItem ToCloud(this SimItem item) => new(
        item.Sku,
        item.Name,
        item.Description,
        item.Category,
        new CloudUnitOfMeasure(item.Unit.Kind.ToString().ToLowerInvariant(), item.Unit.PackSize),
        item.Status.ToString().ToLowerInvariant(),
        item.Version,
        item.UpdatedAt);

    public static CloudCustomer ToCloud(this SimCustomer customer) => new(
        customer.CustomerId,
        customer.Name,
        customer.Status.ToString().ToLowerInvariant(),
        customer.CreditStatus.ToString().ToLowerInvariant(),
        customer.PaymentTerms.ToString().ToLowerInvariant(),
        customer.Currency,
        customer.BillTo.ToCloud(),
        [.. customer.ShipTos.Select(s => new CloudShipTo(s.ShipToId, s.Name, s.Address.ToCloud()))]);

    public static CloudQuote ToCloud(this SimQuote quote) => new(
        quote.CustomerId,
        quote.Currency,
        [.. quote.Lines.Select(l => new CloudQuoteLine(
            l.Sku, l.Quantity, l.UnitPrice, l.ListPrice, l.Source.ToString().ToLowerInvariant(), l.Breaks.ToCloud()))]);

    public static CloudPromotion ToCloud(this SimPromotion promotion) =>
        new(promotion.Sku, new CloudPromotionPrices(promotion.PriceUsd, promotion.PriceCad), promotion.ValidFrom, promotion.ValidTo);

    public static CloudInventory ToCloud(this SimStock stock) => new(
        stock.Sku,
        stock.Version,
        stock.AsOf,
        [.. stock.Levels.Select(l => new CloudLocation(l.WarehouseId, l.OnHand, l.Reserved, l.SafetyStock))]);

    public static CloudSalesOrder ToCloud(this SimSalesOrder order) => new(
        order.Number.Cloud,
        order.ExternalRef,
        order.Status.ToString().ToLowerInvariant(),
        order.Carrier,
        order.TrackingNumber,
        order.StatusChangedAt,
        order.RejectReason);

    public static IReadOnlyList<CloudPriceBreak> ToCloud(this IReadOnlyList<SimPriceBreak> breaks) =>
        [.. breaks.Select(b => new CloudPriceBreak(b.MinQuantity, b.UnitPrice))];

    private static CloudAddress ToCloud(this SimAddress address) =>
        new(address.Street, address.City, address.Region, address.PostalCode, address.Country);
}

/// <summary>An order's documents in the cloud dialect.</summary>
internal static class CloudDocumentMapping
{
    public static CloudShipment ToCloud(this SimShipment shipment) => new(
        shipment.Number.Cloud, shipment.Order.Cloud, shipment.Part, shipment.Carrier, shipment.TrackingNumber, shipment.ShippedAt,
        [.. shipment.Lines.Select(l => new CloudItemQuantity(l.Sku, l.Quantity))]);

    public static CloudInvoice ToCloud(this SimInvoice invoice, DateOnly today) => new(
        invoice.Number.Cloud, invoice.Order.Cloud, invoice.OrderExternalRef, invoice.CustomerId, invoice.Currency,
        [.. invoice.Lines.Select(l => new CloudInvoiceLine(l.Sku, l.Quantity, l.UnitPrice, l.Amount))],
        invoice.Subtotal, invoice.TaxRate, invoice.Tax, invoice.Total, invoice.IssuedAt, invoice.DueDate,
        invoice.StatusOn(today).ToString().ToLowerInvariant());

    public static CloudReturn ToCloud(this SimReturn rma) => new(
        rma.Number.Cloud, rma.ExternalRef, rma.Order.Cloud, rma.CustomerId,
        [.. rma.Lines.Select(l => new CloudItemQuantity(l.Sku, l.Quantity))],
        rma.Reason, rma.Status.ToString().ToLowerInvariant(), rma.RejectReason, rma.CreditNote?.Cloud, rma.CreditAmount,
        rma.CreatedAt, rma.StatusChangedAt);
}
