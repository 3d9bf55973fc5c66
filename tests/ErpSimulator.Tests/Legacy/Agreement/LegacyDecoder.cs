using System.Globalization;
using ErpSimulator.Tests.Legacy.Client;

namespace ErpSimulator.Tests.Legacy.Agreement;

/// <summary>Reads the legacy dialect back into the neutral form: unpads keys, parses string decimals and split dates, spells out codes.</summary>
internal static class LegacyDecoder
{
    public static DecodedItem Decode(LegacyItem item)
    {
        var (kind, pack) = Unit(item.Uom);
        return new(Sku(item.ItemNumber), item.Description, item.LongText, item.ProductGroup, kind, pack,
            Code(item.Status, ("A", "active"), ("D", "discontinued"), ("B", "blocked")),
            item.ChangeNumber, At(item.ChangedDate, item.ChangedTime));
    }

    public static DecodedCustomer Decode(LegacyCustomer c) => new(
        Customer(c.CustomerNumber), c.Name,
        Code(c.Status, ("A", "active"), ("I", "inactive")),
        Code(c.CreditBlock, ("X", "hold"), ("", "ok")),
        Code(c.PaymentTerms, ("Z030", "net30"), ("Z045", "net45"), ("Z060", "net60"), ("Z000", "cod")),
        c.Currency, Decode(c.BillTo),
        [.. c.ShipTos.Select(s => new DecodedShipTo(ShipTo(s.ShipToNumber), s.Name, Decode(s.Address)))]);

    public static DecodedQuote Decode(string customerNumber, GetPriceQuoteResult quote) => new(
        Customer(customerNumber), quote.Currency,
        [.. quote.Lines.Select(l => new DecodedPriceLine(
            Sku(l.ItemNumber), WholeQuantity(l.Quantity), Money(l.NetPrice), Money(l.ListPrice),
            Code(l.Source, ("K", "contract"), ("L", "list"), ("P", "promotion")),
            [.. l.Breaks.Select(b => new DecodedBreak(WholeQuantity(b.FromQuantity), Money(b.Price)))]))]);

    /// <summary>Legacy stock comes as one row per item and plant; the item's change number and time repeat on each row.</summary>
    public static IEnumerable<DecodedStock> Decode(IEnumerable<LegacyStock> rows) =>
        rows.GroupBy(r => r.ItemNumber).Select(g => new DecodedStock(
            Sku(g.Key),
            g.Select(r => r.ChangeNumber).Distinct().Single(),
            g.Select(r => At(r.AsOfDate, r.AsOfTime)).Distinct().Single(),
            [.. g.Select(r => new DecodedLocation(r.Plant, WholeQuantity(r.OnHand), WholeQuantity(r.Reserved), WholeQuantity(r.SafetyStock)))]));

    private static DecodedAddress Decode(LegacyAddress a) => new(a.Street, a.City, a.Region, a.PostalCode, a.Country);

    private static (string Kind, int Pack) Unit(string uom) => uom switch
    {
        "EA" => ("each", 1),
        _ when uom.StartsWith("BX", StringComparison.Ordinal) => ("box", int.Parse(uom[2..], CultureInfo.InvariantCulture)),
        _ when uom.StartsWith("CS", StringComparison.Ordinal) => ("case", int.Parse(uom[2..], CultureInfo.InvariantCulture)),
        _ => throw new FormatException($"Unknown legacy unit of measure '{uom}'."),
    };

    private static string Sku(string itemNumber) => Unpad(itemNumber, 18);

    private static string Customer(string customerNumber) => Unpad(customerNumber, 10);

    private static string ShipTo(string shipToNumber) => Customer(shipToNumber[..10]) + shipToNumber[10..];

    private static string Unpad(string padded, int length) =>
        padded.Length == length && padded.All(char.IsAsciiDigit)
            ? padded.TrimStart('0')
            : throw new FormatException($"'{padded}' is not a {length}-digit padded number.");

    private static decimal Money(string text) => Fixed(text, 4);

    private static int WholeQuantity(string text) => (int)Fixed(text, 3);

    /// <summary>The legacy ERP always writes all the places: "12.5000", never "12.5".</summary>
    private static decimal Fixed(string text, int places) =>
        text.Length > places && text[^(places + 1)] == '.'
            ? decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)
            : throw new FormatException($"'{text}' does not have exactly {places} decimal places.");

    private static DateTimeOffset At(string date, string time) =>
        DateTimeOffset.ParseExact(date + time, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static string Code(string code, params (string Legacy, string Neutral)[] codes) =>
        codes.FirstOrDefault(c => c.Legacy == code).Neutral ?? throw new FormatException($"Unknown legacy code '{code}'.");
}
