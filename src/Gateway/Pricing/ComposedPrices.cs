using Gateway.Caching;
using Gateway.Core;
using Gateway.Core.Pricing;

namespace Gateway.Pricing;

/// <summary>
/// The gateway's one price source: quotes composed from cached parts by the ERP's own rule (<see cref="PriceRules"/>),
/// whichever ERP is the system of record for pricing. List prices per SKU and
/// currency and promotions per SKU are shared by every customer; only the contract overlay is per customer. A full
/// copy per customer x SKU x quantity would multiply memory and ERP calls; this keeps one copy of each fact.
/// </summary>
internal sealed class ComposedPrices(
    IPriceComponentSource erp,
    ICustomerSource customers,
    CacheRegion<PriceSchedule> listPrices,
    CacheRegion<SkuPromotion> promotions,
    CacheRegion<ContractPrices> contracts,
    TimeProvider time) : IPriceSource
{
    public async Task<PriceQuote?> QuoteAsync(string customerId, int quantity, IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        ArgumentNullException.ThrowIfNull(skus);
        var wanted = skus.Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToArray();

        // The customer (its currency) and its contracts first, in parallel: an unknown customer needs no list prices.
        var customerLookup = customers.GetCustomersAsync([customerId], cancellationToken);
        var contractLookup = contracts.GetAsync(customerId, ct => erp.GetContractPricesAsync(customerId, ct), cancellationToken);
        var promotionLookup = wanted.Length == 0
            ? Task.FromResult<IReadOnlyDictionary<string, SkuPromotion>>(new Dictionary<string, SkuPromotion>())
            : promotions.GetManyAsync(wanted, (keys, ct) => erp.GetPromotionsAsync(keys, ct), cancellationToken);
        // All three awaited together, so a failure of one never leaves another's unobserved.
        await Task.WhenAll(customerLookup, contractLookup, promotionLookup);
        var found = await customerLookup;
        var customer = found.Count > 0 ? found[0] : null;
        var contract = await contractLookup;
        if (customer is null || contract is null)
        {
            return null;
        }

        var currency = customer.Currency;
        var lists = await listPrices.GetManyAsync(
            [.. wanted.Select(s => CacheKeys.ListPrice(s, currency))],
            async (keys, ct) =>
            {
                var bySku = await erp.GetListPricesAsync(currency, [.. keys.Select(k => k[..k.IndexOf('|', StringComparison.Ordinal)])], ct);
                return bySku.ToDictionary(p => CacheKeys.ListPrice(p.Key, currency), p => p.Value, StringComparer.Ordinal);
            },
            cancellationToken);
        var promoted = await promotionLookup;

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var lines = new List<PriceLine>(wanted.Length);
        foreach (var sku in wanted)
        {
            if (lists.GetValueOrDefault(CacheKeys.ListPrice(sku, currency)) is not { } list)
            {
                continue;
            }

            var line = PriceRules.Quote(sku, quantity, list, contract.Schedules.GetValueOrDefault(sku), promoted.GetValueOrDefault(sku)?.In(currency), today);
            if (line is not null)
            {
                lines.Add(line);
            }
        }

        return new PriceQuote(customerId, currency, lines);
    }
}
