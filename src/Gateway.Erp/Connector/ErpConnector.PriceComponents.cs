using Gateway.Core.Pricing;
using Gateway.Erp.Outbound.Coalescing;

namespace Gateway.Erp.Connector;

// The price components, batched across requests into the ERP's batch size like every other keyed read: list prices per
// currency, promotions per SKU. A customer's contracts are one call per customer, which no ERP answers for several.
internal sealed partial class ErpConnector : IPriceComponentSource
{
    public async Task<IReadOnlyDictionary<string, PriceSchedule>> GetListPricesAsync(string currency, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        var keys = ErpBatches.Distinct(skus);
        return keys.Count == 0 ? new Dictionary<string, PriceSchedule>() : await _listPrices.LoadAsync(currency, keys, ErpTraffic.Current, cancellationToken);
    }

    public Task<ContractPrices?> GetContractPricesAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        return ReadAsync("prices.contracts", ErpTraffic.Current, ct => _client.GetContractPricesAsync(customerId, ct), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, SkuPromotion>> GetPromotionsAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var keys = ErpBatches.Distinct(skus);
        return keys.Count == 0 ? new Dictionary<string, SkuPromotion>() : await _promotions.LoadAsync("", keys, ErpTraffic.Current, cancellationToken);
    }
}
