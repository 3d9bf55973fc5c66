namespace Gateway.Core.Catalog;

/// <summary>A sellable item as every channel sees it, whichever ERP holds it.</summary>
/// <param name="Uom">The selling unit's code: <c>EA</c>, <c>BX</c> or <c>CS</c>.</param>
/// <param name="PackSize">Eaches in one selling unit; order quantities are multiples of it.</param>
/// <param name="Version">Grows with every change the ERP makes to the item.</param>
public sealed record Product(
    string Sku,
    string Name,
    string Description,
    string Category,
    string Uom,
    int PackSize,
    ProductStatus Status,
    long Version,
    DateTimeOffset UpdatedAt);

/// <summary>Whether an item may be sold.</summary>
public enum ProductStatus
{
    Active,
    Discontinued,
    Blocked,
}
