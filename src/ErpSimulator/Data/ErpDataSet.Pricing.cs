namespace ErpSimulator.Data;

public sealed partial class ErpDataSet
{
    /// <summary>
    /// The ERP's pricing rule, the only implementation both dialects use: a contract break wins; otherwise the list
    /// break in the customer's currency, unless an active promotion (UTC today from the clock) is lower.
    /// </summary>
    /// <returns>Null for an unknown customer. Unknown SKUs are absent from the lines.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is below 1 (below the first break).</exception>
    public SimQuote? Quote(string customerId, int quantity, IEnumerable<string> skus)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        ArgumentNullException.ThrowIfNull(skus);
        if (FindCustomer(customerId) is not { } customer)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var lines = new List<SimPriceLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sku in skus)
        {
            if (seen.Add(sku) && PriceLine(customer, sku, quantity, today) is { } line)
            {
                lines.Add(line);
            }
        }

        return new SimQuote(customer.CustomerId, customer.Currency, lines);
    }

    private SimPriceLine? PriceLine(SimCustomer customer, string sku, int quantity, DateOnly today)
    {
        if (ListPrice(sku)?.In(customer.Currency) is not { } list || BreakAt(list, quantity) is not { } listBreak)
        {
            return null;
        }

        if (ContractPrice(customer.CustomerId, sku) is { } contract && BreakAt(contract.Breaks, quantity) is { } contractBreak)
        {
            return new SimPriceLine(sku, quantity, contractBreak.UnitPrice, listBreak.UnitPrice, PriceSource.Contract, contract.Breaks);
        }

        if (Promotion(sku) is { } promotion && promotion.IsActiveOn(today) && promotion.PriceIn(customer.Currency) < listBreak.UnitPrice)
        {
            return new SimPriceLine(sku, quantity, promotion.PriceIn(customer.Currency), listBreak.UnitPrice, PriceSource.Promotion, list);
        }

        return new SimPriceLine(sku, quantity, listBreak.UnitPrice, listBreak.UnitPrice, PriceSource.List, list);
    }

    /// <summary>The highest break whose minimum quantity is reached (breaks are kept in ascending order).</summary>
    private static SimPriceBreak? BreakAt(IReadOnlyList<SimPriceBreak> breaks, int quantity)
    {
        SimPriceBreak? best = null;
        foreach (var candidate in breaks)
        {
            if (candidate.MinQuantity <= quantity)
            {
                best = candidate;
            }
        }

        return best;
    }
}
