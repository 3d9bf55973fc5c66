namespace Gateway.Core.Pricing;

/// <summary>A quantity-break schedule: from each break's minimum quantity on, its unit price applies.</summary>
public sealed record PriceSchedule(IReadOnlyList<PriceBreak> Breaks)
{
    /// <summary>The break that applies at <paramref name="quantity"/>: the highest one whose minimum it reaches; null below the first.</summary>
    public PriceBreak? BreakAt(int quantity)
    {
        PriceBreak? best = null;
        foreach (var candidate in Breaks)
        {
            if (candidate.MinQuantity <= quantity && (best is null || candidate.MinQuantity > best.MinQuantity))
            {
                best = candidate;
            }
        }

        return best;
    }

    /// <summary>The breaks in ascending order of quantity, as shown to callers.</summary>
    public IReadOnlyList<PriceBreak> Ordered() => [.. Breaks.OrderBy(b => b.MinQuantity)];
}

/// <summary>A promotional unit price in one currency, valid on the dates from <paramref name="ValidFrom"/> to <paramref name="ValidTo"/> inclusive (UTC).</summary>
public sealed record Promotion(decimal UnitPrice, DateOnly ValidFrom, DateOnly ValidTo)
{
    public bool IsActiveOn(DateOnly day) => ValidFrom <= day && day <= ValidTo;
}

/// <summary>The ERP's pricing rule, so that prices composed from cached parts equal the ERP's own quotes.</summary>
public static class PriceRules
{
    /// <summary>
    /// A contract price wins when the customer has one that applies at the quantity. Otherwise the list price
    /// at its break, unless an active promotion is lower. <c>listPrice</c> is always the list price at the quantity.
    /// </summary>
    /// <returns>Null when the list has no break at that quantity (the SKU cannot be priced).</returns>
    public static PriceLine? Quote(string sku, int quantity, PriceSchedule list, PriceSchedule? contract, Promotion? promotion, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);

        if (list.BreakAt(quantity) is not { } listBreak)
        {
            return null;
        }

        if (contract?.BreakAt(quantity) is { } contractBreak)
        {
            return new PriceLine(sku, quantity, contractBreak.UnitPrice, listBreak.UnitPrice, PriceSource.Contract, contract.Ordered());
        }

        var promoted = promotion is not null && promotion.IsActiveOn(today) && promotion.UnitPrice < listBreak.UnitPrice;
        return new PriceLine(
            sku,
            quantity,
            promoted ? promotion!.UnitPrice : listBreak.UnitPrice,
            listBreak.UnitPrice,
            promoted ? PriceSource.Promotion : PriceSource.List,
            list.Ordered());
    }
}
