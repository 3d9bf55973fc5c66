namespace ErpSimulator.Tests.Legacy.Agreement;

// The neutral form both dialects are decoded into. Lists are compared through Describe(), which prints
// every field, so a difference names the entity and the field.

internal sealed record DecodedItem(
    string Sku, string Name, string Description, string Category, string UnitKind, int PackSize, string Status, long Version, DateTimeOffset UpdatedAt);

internal sealed record DecodedAddress(string Street, string City, string Region, string PostalCode, string Country);

internal sealed record DecodedShipTo(string ShipToId, string Name, DecodedAddress Address);

internal sealed record DecodedCustomer(
    string CustomerId, string Name, string Status, string CreditStatus, string PaymentTerms, string Currency,
    DecodedAddress BillTo, IReadOnlyList<DecodedShipTo> ShipTos);

internal sealed record DecodedBreak(int MinQuantity, decimal UnitPrice);

internal sealed record DecodedPriceLine(
    string Sku, int Quantity, decimal UnitPrice, decimal ListPrice, string Source, IReadOnlyList<DecodedBreak> Breaks);

internal sealed record DecodedQuote(string CustomerId, string Currency, IReadOnlyList<DecodedPriceLine> Lines);

internal sealed record DecodedLocation(string WarehouseId, int OnHand, int Reserved, int SafetyStock);

internal sealed record DecodedStock(string Sku, long Version, DateTimeOffset AsOf, IReadOnlyList<DecodedLocation> Locations);

internal static class Decoded
{
    /// <summary>One line per entity, every field spelled out, decimals without trailing zeros ("12.5000" and 12.5 agree).</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        decimal d => (d / 1.0000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        string s => s,
        System.Collections.IEnumerable list => "[" + string.Join(", ", list.Cast<object?>().Select(Describe)) + "]",
        _ when value.GetType().Name.StartsWith("Decoded", StringComparison.Ordinal) =>
            "{ " + string.Join(", ", value.GetType().GetProperties().Select(p => p.Name + "=" + Describe(p.GetValue(value)))) + " }",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
