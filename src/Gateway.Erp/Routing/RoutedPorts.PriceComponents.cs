using Gateway.Core.Erp;
using Gateway.Core.Pricing;

namespace Gateway.Erp.Routing;

// The price components come from the system of record for pricing, like the quotes they compose into.
internal sealed partial class RoutedPorts : IPriceComponentSource
{
    public Task<IReadOnlyDictionary<string, PriceSchedule>> GetListPricesAsync(string currency, IReadOnlyCollection<string> skus, CancellationToken cancellationToken) =>
        For(ErpDomain.Pricing).GetListPricesAsync(currency, skus, cancellationToken);

    public Task<ContractPrices?> GetContractPricesAsync(string customerId, CancellationToken cancellationToken) =>
        For(ErpDomain.Pricing).GetContractPricesAsync(customerId, cancellationToken);

    public Task<IReadOnlyDictionary<string, SkuPromotion>> GetPromotionsAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken) =>
        For(ErpDomain.Pricing).GetPromotionsAsync(skus, cancellationToken);
}
