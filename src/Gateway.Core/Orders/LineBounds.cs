using System.Globalization;

namespace Gateway.Core.Orders;

/// <summary>
/// The quantities and unit prices every door accepts (REST prices and orders, GraphQL <c>price</c> and <c>placeOrder</c>),
/// defined once so that no door can take a value another refuses.
/// </summary>
public static class LineBounds
{
    /// <summary>
    /// Most eaches one line or one price quote may be for: 1 000 000. A distributor's largest real lines (a pallet of
    /// fasteners) are tens of thousands of eaches; a million is a typo or a probe, and keeps quantity × price (below)
    /// within the ERPs' amount fields and <c>decimal</c> with room to spare.
    /// </summary>
    public const int MaxQuantity = 1_000_000;

    /// <summary>
    /// Highest unit price a caller may state: 1 000 000 000 (in the customer's currency). Far above any catalogue item,
    /// and small enough that <see cref="MaxQuantity"/> of them (10^15) is exact in every ERP's and JSON client's number.
    /// </summary>
    public const decimal MaxUnitPrice = 1_000_000_000m;

    /// <summary>Most decimal places of a unit price: 4, the finest the ERPs store (tenths of a cent).</summary>
    public const int UnitPriceDecimals = 4;

    /// <summary>Why <paramref name="quantity"/> is refused, or null when it is within 1 to <see cref="MaxQuantity"/>.</summary>
    public static string? QuantityProblem(int quantity) =>
        quantity is < 1 or > MaxQuantity
            ? string.Create(CultureInfo.InvariantCulture, $"Must be between 1 and {MaxQuantity}.")
            : null;

    /// <summary>Why <paramref name="unitPrice"/> is refused, or null when it is 0 to <see cref="MaxUnitPrice"/> with at most 4 decimals.</summary>
    public static string? UnitPriceProblem(decimal unitPrice) =>
        unitPrice is < 0 or > MaxUnitPrice
            ? string.Create(CultureInfo.InvariantCulture, $"Must be between 0 and {MaxUnitPrice}.")
            : decimal.Round(unitPrice, UnitPriceDecimals) != unitPrice
                ? string.Create(CultureInfo.InvariantCulture, $"At most {UnitPriceDecimals} decimal places.")
                : null;
}
