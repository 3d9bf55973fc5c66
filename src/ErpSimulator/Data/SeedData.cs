namespace ErpSimulator.Data;

/// <summary>The generated data set before it goes live; arrays are indexed by SKU offset and customer offset.</summary>
internal sealed record SeedData(
    SimItem[] Items,
    SimStock[] Stock,
    SimListPrice[] ListPrices,
    SimPromotion?[] Promotions,
    SimCustomer[] Customers,
    Dictionary<string, SimContractPrice>[] Contracts);

/// <summary>The fixed keys of the data set.</summary>
public static class DataSetKeys
{
    public const int FirstSku = 100_000;
    public const int FirstCustomer = 20_001;

    /// <summary>The moment every generated record was last changed before the simulator started (fixed, so data is the same every run).</summary>
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
