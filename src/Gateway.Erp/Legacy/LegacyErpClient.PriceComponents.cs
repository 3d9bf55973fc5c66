using System.Globalization;
using System.ServiceModel;
using Gateway.Core.Events;
using Gateway.Core.Pricing;
using Gateway.Erp.Legacy.Contract;

namespace Gateway.Erp.Legacy;

// The price components (list prices, contracts, promotions) and the change feed (GetChanges).
internal sealed partial class LegacyErpClient
{
    public async Task<IReadOnlyDictionary<string, PriceSchedule>> GetListPricesAsync(string currency, IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var numbers = ItemNumbers(skus);
        if (numbers.Length == 0)
        {
            return new Dictionary<string, PriceSchedule>();
        }

        var answer = await CallAsync(erp => erp.GetListPrices(currency, numbers), cancellationToken);
        return answer.ListPrices.ToDictionary(p => LegacyMapping.Sku(p.ItemNumber), p => Schedule(p.Breaks), StringComparer.Ordinal);
    }

    public async Task<ContractPrices?> GetContractPricesAsync(string customerId, CancellationToken cancellationToken)
    {
        if (LegacyMapping.CustomerNumber(customerId) is not { } customerNumber)
        {
            return null;
        }

        var answer = await CallAsync(
            async erp =>
            {
                try
                {
                    return await erp.GetContractPrices(customerNumber);
                }
                catch (FaultException fault) when (LegacyFaults.Code(fault) == LegacyFaults.NotFound)
                {
                    return null;
                }
            },
            cancellationToken);
        return answer is null
            ? null
            : new ContractPrices(customerId, answer.ContractPrices.ToDictionary(p => LegacyMapping.Sku(p.ItemNumber), p => Schedule(p.Breaks), StringComparer.Ordinal));
    }

    public async Task<IReadOnlyDictionary<string, SkuPromotion>> GetPromotionsAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken)
    {
        var numbers = ItemNumbers(skus);
        if (numbers.Length == 0)
        {
            return new Dictionary<string, SkuPromotion>();
        }

        var answer = await CallAsync(erp => erp.GetPromotions(numbers), cancellationToken);
        return answer.Promotions.ToDictionary(
            p => LegacyMapping.Sku(p.ItemNumber),
            p => new SkuPromotion(LegacyMapping.Sku(p.ItemNumber), LegacyMapping.Money(p.PriceUsd), LegacyMapping.Money(p.PriceCad), Day(p.ValidFrom), Day(p.ValidTo)),
            StringComparer.Ordinal);
    }

    /// <summary>One page of <c>GetChanges</c>, in canonical terms (keys unpadded; order numbers stay the legacy ERP's own).</summary>
    public async Task<ChangePage> GetChangesAsync(string sinceToken, int maxCount, CancellationToken cancellationToken)
    {
        var answer = await CallAsync(erp => erp.GetChanges(sinceToken, maxCount), cancellationToken);
        return new ChangePage(answer.NextToken, [.. answer.Changes.Select(c => new ErpChange(
            c.EventId,
            c.Type,
            string.IsNullOrEmpty(c.ItemNumber) ? null : LegacyMapping.Sku(c.ItemNumber),
            string.IsNullOrEmpty(c.CustomerNumber) ? null : LegacyMapping.CustomerId(c.CustomerNumber),
            string.IsNullOrEmpty(c.Plant) ? null : c.Plant,
            string.IsNullOrEmpty(c.OrderNumber) ? null : c.OrderNumber,
            c.Sequence,
            LegacyMapping.Timestamp(c.Date, c.Time)))]);
    }

    static PriceSchedule Schedule(LegacyBreak[] breaks) =>
        new([.. breaks.Select(b => new PriceBreak(LegacyMapping.Quantity(b.FromQuantity), LegacyMapping.Money(b.Price))).OrderBy(b => b.MinQuantity)]);

    static DateOnly Day(string yyyyMMdd) =>
        DateOnly.TryParseExact(yyyyMMdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new Outbound.ErpContractException($"The legacy ERP sent an unknown date '{yyyyMMdd}'.");
}
