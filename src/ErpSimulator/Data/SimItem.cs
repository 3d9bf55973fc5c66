namespace ErpSimulator.Data;

public enum ItemStatus
{
    Active,
    Discontinued,
    Blocked,
}

public enum UnitKind
{
    Each,
    Box,
    Case,
}

/// <summary>A unit of measure: eaches, or a box or case holding <paramref name="PackSize"/> eaches.</summary>
public sealed record SimUnit(UnitKind Kind, int PackSize)
{
    /// <summary>The legacy code with the pack size inside: <c>EA</c>, <c>BX12</c>, <c>CS24</c>.</summary>
    public string LegacyCode { get; } = Kind switch
    {
        UnitKind.Box => "BX" + PackSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        UnitKind.Case => "CS" + PackSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "EA",
    };
}

/// <summary>An item of the master data, in the simulator's own neutral form that both dialects map from.</summary>
/// <param name="Sku">Six digits, 100000 upwards.</param>
/// <param name="Version">Grows on every change (the SKU's change sequence at the last item change).</param>
/// <param name="UpdatedAt">Whole seconds, UTC.</param>
public sealed record SimItem(
    string Sku,
    string Name,
    string Description,
    string Category,
    SimUnit Unit,
    ItemStatus Status,
    long Version,
    DateTimeOffset UpdatedAt);
