namespace ErpSimulator.Data;

public enum PriceSource
{
    Contract,
    List,
    Promotion,
}

/// <summary>From <paramref name="MinQuantity"/> eaches on, <paramref name="UnitPrice"/> per each applies.</summary>
public sealed record SimPriceBreak(int MinQuantity, decimal UnitPrice);

/// <summary>A SKU's list price in both currencies, breaks in ascending order of quantity.</summary>
public sealed record SimListPrice(string Sku, IReadOnlyList<SimPriceBreak> Usd, IReadOnlyList<SimPriceBreak> Cad, long Version)
{
    /// <summary>The breaks in <paramref name="currency"/> (<c>USD</c> or <c>CAD</c>); null for any other currency.</summary>
    public IReadOnlyList<SimPriceBreak>? In(string currency) =>
        string.Equals(currency, Currencies.Usd, StringComparison.OrdinalIgnoreCase) ? Usd
        : string.Equals(currency, Currencies.Cad, StringComparison.OrdinalIgnoreCase) ? Cad
        : null;
}

/// <summary>A customer's own price for a SKU, in the customer's currency, with its own breaks (at least one, from 1).</summary>
public sealed record SimContractPrice(string CustomerId, string Sku, string Currency, IReadOnlyList<SimPriceBreak> Breaks, long Version);

/// <summary>A promotional price per each, valid on the UTC dates from <paramref name="ValidFrom"/> to <paramref name="ValidTo"/> inclusive.</summary>
public sealed record SimPromotion(string Sku, decimal PriceUsd, decimal PriceCad, DateOnly ValidFrom, DateOnly ValidTo)
{
    public bool IsActiveOn(DateOnly day) => ValidFrom <= day && day <= ValidTo;

    public decimal PriceIn(string currency) =>
        string.Equals(currency, Currencies.Cad, StringComparison.OrdinalIgnoreCase) ? PriceCad : PriceUsd;
}

/// <summary>One priced SKU of a quote; <paramref name="Breaks"/> are the contract's when the source is a contract, else the list's.</summary>
public sealed record SimPriceLine(string Sku, int Quantity, decimal UnitPrice, decimal ListPrice, PriceSource Source, IReadOnlyList<SimPriceBreak> Breaks);

/// <summary>The ERP's answer to a price request: unknown SKUs are absent from <paramref name="Lines"/>.</summary>
public sealed record SimQuote(string CustomerId, string Currency, IReadOnlyList<SimPriceLine> Lines);

public static class Currencies
{
    public const string Usd = "USD";
    public const string Cad = "CAD";

    /// <summary>CAD list prices are the USD ones times this, rounded to cents.</summary>
    public const decimal CadPerUsd = 1.35m;

    public static decimal ToCad(decimal usd) => Math.Round(usd * CadPerUsd, 2, MidpointRounding.AwayFromZero);
}
