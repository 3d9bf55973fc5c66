namespace Gateway.Core.Pricing;

/// <summary>
/// The parts the ERP composes a quote from, read apart so that the shared parts (list prices, promotions) are cached
/// once per SKU and only the contract overlay per customer; <see cref="PriceRules"/> composes them as the ERP does.
/// Batch methods take any number of SKUs; unknown SKUs are absent from the answer.
/// </summary>
public interface IPriceComponentSource
{
    /// <summary>The list price schedule of each SKU in <paramref name="currency"/> (<c>USD</c> or <c>CAD</c>).</summary>
    Task<IReadOnlyDictionary<string, PriceSchedule>> GetListPricesAsync(string currency, IReadOnlyCollection<string> skus, CancellationToken cancellationToken);

    /// <returns>Null when the customer does not exist.</returns>
    Task<ContractPrices?> GetContractPricesAsync(string customerId, CancellationToken cancellationToken);

    /// <summary>The promotion of each SKU that has one (active, expired or future).</summary>
    Task<IReadOnlyDictionary<string, SkuPromotion>> GetPromotionsAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken);
}

/// <summary>A customer's contract schedules by SKU, in the customer's currency.</summary>
public sealed record ContractPrices(string CustomerId, IReadOnlyDictionary<string, PriceSchedule> Schedules);

/// <summary>A SKU's promotional price per each in both currencies, valid on the UTC dates from/to inclusive.</summary>
public sealed record SkuPromotion(string Sku, decimal PriceUsd, decimal PriceCad, DateOnly ValidFrom, DateOnly ValidTo)
{
    /// <summary>The promotion as priced in <paramref name="currency"/>; null in a currency the ERP does not promote in.</summary>
    public Promotion? In(string currency) => currency switch
    {
        "USD" => new Promotion(PriceUsd, ValidFrom, ValidTo),
        "CAD" => new Promotion(PriceCad, ValidFrom, ValidTo),
        _ => null,
    };
}
