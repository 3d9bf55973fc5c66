using System.Text.Json.Serialization;

namespace Gateway.Core.Pricing;

/// <summary>The ERP's price for one customer, at one quantity, for many SKUs.</summary>
public sealed record PriceQuote(string CustomerId, string Currency, IReadOnlyList<PriceLine> Items);

/// <summary>The unit price (per each) a customer pays for a SKU at a quantity, and why.</summary>
/// <param name="ListPrice">The list price at the same quantity break, for comparison.</param>
/// <param name="Breaks">The schedule the price came from: the contract's, or the list's.</param>
public sealed record PriceLine(
    string Sku,
    int Quantity,
    decimal UnitPrice,
    decimal ListPrice,
    PriceSource Source,
    IReadOnlyList<PriceBreak> Breaks);

/// <summary>From <paramref name="MinQuantity"/> eaches on, each costs <paramref name="UnitPrice"/>.</summary>
public sealed record PriceBreak(int MinQuantity, decimal UnitPrice);

/// <summary>Which of the ERP's pricing rules won.</summary>
public enum PriceSource
{
    [JsonStringEnumMemberName("contract")] Contract,
    [JsonStringEnumMemberName("list")] List,
    [JsonStringEnumMemberName("promotion")] Promotion,
}
