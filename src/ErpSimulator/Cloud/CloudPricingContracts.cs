using System.Text.Json.Serialization;

namespace ErpSimulator.Cloud;

/// <summary>A price request: <paramref name="Quantity"/> in eaches (at least 1), at most 100 SKUs.</summary>
public sealed record CloudQuoteRequest(string? CustomerId, int Quantity, IReadOnlyList<string>? Skus);

public sealed record CloudPriceBreak(int MinQuantity, decimal UnitPrice);

/// <summary>One priced SKU; <paramref name="Source"/> is <c>contract</c>, <c>list</c> or <c>promotion</c>.</summary>
public sealed record CloudQuoteLine(
    string Sku, int Quantity, decimal UnitPrice, decimal ListPrice, string Source, IReadOnlyList<CloudPriceBreak> Breaks);

/// <summary>The quote in the customer's currency; unknown SKUs are absent from <paramref name="Lines"/>.</summary>
public sealed record CloudQuote(string CustomerId, string Currency, IReadOnlyList<CloudQuoteLine> Lines);

public sealed record CloudListPrice(string Sku, string Currency, IReadOnlyList<CloudPriceBreak> Breaks);

public sealed record CloudContractLine(string Sku, IReadOnlyList<CloudPriceBreak> Breaks);

/// <summary>A customer's contract prices, in the customer's currency, ordered by SKU.</summary>
public sealed record CloudContracts(string CustomerId, string Currency, IReadOnlyList<CloudContractLine> Data);

/// <summary>A promotional price per each in both currencies, valid on the UTC dates from/to inclusive (<c>yyyy-MM-dd</c>).</summary>
public sealed record CloudPromotion(string Sku, CloudPromotionPrices Prices, DateOnly ValidFrom, DateOnly ValidTo);

public sealed record CloudPromotionPrices(
    [property: JsonPropertyName("USD")] decimal Usd,
    [property: JsonPropertyName("CAD")] decimal Cad);

/// <summary>Stock of a SKU per location (warehouse); <paramref name="Version"/> grows with every stock change of the SKU.</summary>
public sealed record CloudInventory(string Sku, long Version, DateTimeOffset AsOf, IReadOnlyList<CloudLocation> Locations);

/// <summary><paramref name="Allocated"/> is stock reserved for open orders.</summary>
public sealed record CloudLocation(string LocationId, int OnHand, int Allocated, int SafetyStock);
