namespace ErpSimulator.Data;

/// <summary>Real keys from the data set for tests and demos.</summary>
public sealed record DataSample(IReadOnlyList<string> Skus, IReadOnlyList<SampleCustomer> Customers);

public sealed record SampleCustomer(string CustomerId, IReadOnlyList<string> ShipToIds, IReadOnlyList<string> ContractSkus, CreditStatus CreditStatus);

public sealed partial class ErpDataSet
{
    /// <summary>Up to <paramref name="skus"/> active SKUs and <paramref name="customers"/> active customers, spread evenly over the data set.</summary>
    public DataSample Sample(int skus, int customers)
    {
        var activeItems = _items.Select((_, i) => Volatile.Read(ref _items[i])).Where(i => i.Status == ItemStatus.Active).ToArray();
        var activeCustomers = _customers.Select((_, c) => Volatile.Read(ref _customers[c])).Where(c => c.Status == CustomerStatus.Active).ToArray();
        return new DataSample(
            [.. Spread(activeItems, skus).Select(i => i.Sku)],
            [.. Spread(activeCustomers, customers).Select(c => new SampleCustomer(
                c.CustomerId,
                [.. c.ShipTos.Select(s => s.ShipToId)],
                [.. (ContractPrices(c.CustomerId) ?? []).Select(p => p.Sku)],
                c.CreditStatus))]);
    }

    private static IEnumerable<T> Spread<T>(T[] all, int count)
    {
        count = Math.Clamp(count, 0, all.Length);
        for (var k = 0; k < count; k++)
        {
            yield return all[(int)((long)k * all.Length / count)];
        }
    }
}
