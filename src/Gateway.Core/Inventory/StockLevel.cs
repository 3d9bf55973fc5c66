namespace Gateway.Core.Inventory;

/// <summary>What can be promised for a SKU, in total and per warehouse.</summary>
/// <param name="Version">Grows with every stock change of the SKU in the ERP.</param>
public sealed record StockLevel(
    string Sku,
    int AvailableToPromise,
    int OnHand,
    int Reserved,
    IReadOnlyList<WarehouseStock> Warehouses,
    long Version,
    DateTimeOffset AsOf)
{
    /// <summary>Sums warehouses by the contract's rule: per warehouse <c>max(0, onHand - reserved - safetyStock)</c>.</summary>
    public static StockLevel FromWarehouses(string sku, IEnumerable<WarehouseStock> warehouses, long version, DateTimeOffset asOf)
    {
        var ordered = warehouses.OrderBy(w => w.WarehouseId, StringComparer.Ordinal).ToArray();
        return new StockLevel(
            sku,
            ordered.Sum(w => w.AvailableToPromise),
            ordered.Sum(w => w.OnHand),
            ordered.Sum(w => w.Reserved),
            ordered,
            version,
            asOf);
    }
}

/// <summary>Stock of one SKU in one warehouse.</summary>
public sealed record WarehouseStock(string WarehouseId, int OnHand, int Reserved, int SafetyStock)
{
    /// <summary>Never negative: a warehouse below its safety stock promises nothing.</summary>
    public int AvailableToPromise => Math.Max(0, OnHand - Reserved - SafetyStock);
}
