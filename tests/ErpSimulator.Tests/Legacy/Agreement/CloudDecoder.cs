namespace ErpSimulator.Tests.Legacy.Agreement;

// The cloud dialect as a client reads it (System.Text.Json, web defaults), and its decoding into the neutral form.

internal sealed record CloudList<T>(IReadOnlyList<T> Data);

internal sealed record CloudUnit(string Code, int PackSize);

internal sealed record CloudItem(
    string Sku, string Name, string Description, string Category, CloudUnit UnitOfMeasure, string Status, long Version, DateTimeOffset UpdatedAt);

internal sealed record CloudAddress(string Line1, string City, string Region, string PostalCode, string Country);

internal sealed record CloudShipTo(string Id, string Name, CloudAddress Address);

internal sealed record CloudCustomer(
    string Id, string Name, string Status, string CreditStatus, string PaymentTerms, string Currency, CloudAddress BillTo, IReadOnlyList<CloudShipTo> ShipTos);

internal sealed record CloudBreak(int MinQuantity, decimal UnitPrice);

internal sealed record CloudQuoteLine(string Sku, int Quantity, decimal UnitPrice, decimal ListPrice, string Source, IReadOnlyList<CloudBreak> Breaks);

internal sealed record CloudQuote(string CustomerId, string Currency, IReadOnlyList<CloudQuoteLine> Lines);

internal sealed record CloudLocation(string LocationId, int OnHand, int Allocated, int SafetyStock);

internal sealed record CloudInventory(string Sku, long Version, DateTimeOffset AsOf, IReadOnlyList<CloudLocation> Locations);

internal static class CloudDecoder
{
    public static DecodedItem Decode(CloudItem i) => new(
        i.Sku, i.Name, i.Description, i.Category, i.UnitOfMeasure.Code, i.UnitOfMeasure.PackSize, i.Status, i.Version, i.UpdatedAt);

    public static DecodedCustomer Decode(CloudCustomer c) => new(
        c.Id, c.Name, c.Status, c.CreditStatus, c.PaymentTerms, c.Currency, Decode(c.BillTo),
        [.. c.ShipTos.Select(s => new DecodedShipTo(s.Id, s.Name, Decode(s.Address)))]);

    public static DecodedQuote Decode(CloudQuote q) => new(
        q.CustomerId, q.Currency,
        [.. q.Lines.Select(l => new DecodedPriceLine(
            l.Sku, l.Quantity, l.UnitPrice, l.ListPrice, l.Source, [.. l.Breaks.Select(b => new DecodedBreak(b.MinQuantity, b.UnitPrice))]))]);

    public static DecodedStock Decode(CloudInventory s) => new(
        s.Sku, s.Version, s.AsOf, [.. s.Locations.Select(l => new DecodedLocation(l.LocationId, l.OnHand, l.Allocated, l.SafetyStock))]);

    private static DecodedAddress Decode(CloudAddress a) => new(a.Line1, a.City, a.Region, a.PostalCode, a.Country);
}
