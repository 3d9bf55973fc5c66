using Gateway.Core.Pricing;
using Gateway.Erp.Outbound.Coalescing;

namespace Gateway.Erp.Connector;

// The price components, cut into the ERP's batch size and sent through its pipeline like every other read.
internal sealed partial class ErpConnector : IPriceComponentSource
{
    public async Task<IReadOnlyDictionary<string, PriceSchedule>> GetListPricesAsync(string currency, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currency);
        return await InBatchesAsync("prices.list", skus, (batch, ct) => _client.GetListPricesAsync(currency, batch, ct), cancellationToken);
    }

    public Task<ContractPrices?> GetContractPricesAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        return ReadAsync("prices.contracts", ErpTraffic.Current, 1, ct => _client.GetContractPricesAsync(customerId, ct), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, SkuPromotion>> GetPromotionsAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken) =>
        await InBatchesAsync("prices.promotions", skus, _client.GetPromotionsAsync, cancellationToken);

    async Task<Dictionary<string, T>> InBatchesAsync<T>(
        string operation,
        IReadOnlyCollection<string> skus,
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> call,
        CancellationToken cancellationToken)
    {
        var traffic = ErpTraffic.Current;
        var keys = ErpBatches.Distinct(skus);
        var batches = ErpBatches.Split(keys, _pipeline.Options.BatchLimit)
            .Select(batch => ReadAsync(operation, traffic, batch.Count, ct => call(batch, ct), cancellationToken));
        var merged = new Dictionary<string, T>(keys.Count, StringComparer.Ordinal);
        foreach (var answer in await Task.WhenAll(batches))
        {
            foreach (var (sku, value) in answer)
            {
                merged[sku] = value;
            }
        }

        return merged;
    }
}
