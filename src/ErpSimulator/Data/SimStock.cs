namespace ErpSimulator.Data;

/// <summary>Stock of one SKU in one warehouse (<c>DAL</c>, <c>ATL</c>, <c>TOR</c>), in eaches.</summary>
public sealed record SimStockLevel(string WarehouseId, int OnHand, int Reserved, int SafetyStock);

/// <summary>A SKU's stock in every warehouse; <paramref name="Version"/> grows on every stock change of the SKU.</summary>
public sealed record SimStock(string Sku, IReadOnlyList<SimStockLevel> Levels, long Version, DateTimeOffset AsOf);

public static class Warehouses
{
    public const string Dallas = "DAL";
    public const string Atlanta = "ATL";
    public const string Toronto = "TOR";

    public static IReadOnlyList<string> All { get; } = [Dallas, Atlanta, Toronto];

    /// <summary>The canonical (upper-case) warehouse id, or null when <paramref name="id"/> names none.</summary>
    public static string? Normalize(string? id) =>
        All.FirstOrDefault(w => string.Equals(w, id?.Trim(), StringComparison.OrdinalIgnoreCase));
}
