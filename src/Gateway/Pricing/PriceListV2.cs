using Gateway.Core.Pricing;

namespace Gateway.Pricing;

/// <summary>
/// The answer of <c>GET /v2/prices</c>: v1's quote where every amount carries its currency (<see cref="Money"/>), so a
/// line can be stored, compared or forwarded on its own, and every line says the unit its quantity and prices are in.
/// </summary>
public sealed record PriceListV2(string CustomerId, IReadOnlyList<PriceLineV2> Items, IReadOnlyList<string> Missing)
{
    /// <summary>The ERP prices per each: quantities and unit prices are in eaches, whatever the item's selling unit.</summary>
    public const string PriceUnit = "EA";

    public static PriceListV2 From(PriceList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new PriceListV2(list.CustomerId, [.. list.Items.Select(line => PriceLineV2.From(line, list.Currency))], list.Missing);
    }
}

/// <summary>One SKU's price in v2: <c>unit</c> is what <c>quantity</c>, <c>minQuantity</c> and each unit price count.</summary>
public sealed record PriceLineV2(
    string Sku,
    int Quantity,
    string Unit,
    Money UnitPrice,
    Money ListPrice,
    PriceSource Source,
    IReadOnlyList<PriceBreakV2> Breaks)
{
    internal static PriceLineV2 From(PriceLine line, string currency) => new(
        line.Sku,
        line.Quantity,
        PriceListV2.PriceUnit,
        new Money(line.UnitPrice, currency),
        new Money(line.ListPrice, currency),
        line.Source,
        [.. line.Breaks.Select(b => new PriceBreakV2(b.MinQuantity, new Money(b.UnitPrice, currency)))]);
}

/// <summary>From <c>minQuantity</c> units on, each costs <c>unitPrice</c>.</summary>
public sealed record PriceBreakV2(int MinQuantity, Money UnitPrice);

/// <summary>An amount and its ISO 4217 currency, never one without the other.</summary>
public sealed record Money(decimal Amount, string Currency);
