using Gateway.Core.Pricing;
using Gateway.Erp.Connector;

namespace Gateway.Erp.Cloud;

// The price components (list prices, contracts, promotions): what the gateway caches apart and composes itself.
internal sealed partial class CloudErpClient
{
    public async Task<IReadOnlyDictionary<string, PriceSchedule>> GetListPricesAsync(string currency, IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        if (KeyList(skus) is not { } csv)
        {
            return new Dictionary<string, PriceSchedule>();
        }

        var answer = await GetAsync<CloudList<CloudListPrice>>("pricing/list-prices?currency=" + Uri.EscapeDataString(currency) + "&skus=" + csv, cancellationToken);
        return answer!.Data.ToDictionary(p => p.Sku, p => Schedule(p.Breaks), StringComparer.Ordinal);
    }

    public async Task<ContractPrices?> GetContractPricesAsync(string customerId, CancellationToken cancellationToken)
    {
        if (!IsExpressible(customerId))
        {
            return null;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "pricing/contracts/" + Uri.EscapeDataString(customerId));
        var answer = await SendAsync<CloudContracts>(request, notFoundIsAbsent: true, cancellationToken);
        return answer is null
            ? null
            : new ContractPrices(customerId, answer.Data.ToDictionary(c => c.Sku, c => Schedule(c.Breaks), StringComparer.Ordinal));
    }

    public async Task<IReadOnlyDictionary<string, SkuPromotion>> GetPromotionsAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        if (KeyList(skus) is not { } csv)
        {
            return new Dictionary<string, SkuPromotion>();
        }

        var answer = await GetAsync<CloudList<CloudPromotion>>("pricing/promotions?skus=" + csv, cancellationToken);
        return answer!.Data.ToDictionary(
            p => p.Sku,
            p => new SkuPromotion(p.Sku, CanonicalAmounts.Money(p.Prices.Usd), CanonicalAmounts.Money(p.Prices.Cad), p.ValidFrom, p.ValidTo),
            StringComparer.Ordinal);
    }

    static PriceSchedule Schedule(IReadOnlyList<CloudPriceBreak> breaks) =>
        new([.. breaks.OrderBy(b => b.MinQuantity).Select(b => new PriceBreak(b.MinQuantity, CanonicalAmounts.Money(b.UnitPrice)))]);
}

internal sealed record CloudListPrice(string Sku, string Currency, IReadOnlyList<CloudPriceBreak> Breaks);

internal sealed record CloudContracts(string CustomerId, string Currency, IReadOnlyList<CloudContractLine> Data);

internal sealed record CloudContractLine(string Sku, IReadOnlyList<CloudPriceBreak> Breaks);

internal sealed record CloudPromotion(string Sku, CloudPromotionPrices Prices, DateOnly ValidFrom, DateOnly ValidTo);

internal sealed record CloudPromotionPrices(decimal Usd, decimal Cad);
