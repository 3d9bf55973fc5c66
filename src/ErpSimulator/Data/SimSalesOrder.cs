using System.Globalization;

namespace ErpSimulator.Data;

public enum SalesOrderStatus
{
    Confirmed,
    Allocated,
    Shipped,
    Invoiced,
    Rejected,
}

/// <summary>
/// The ERP's order number: one counter, spelled per dialect (legacy <c>4500000001</c>, cloud <c>SO-0000001</c>).
/// </summary>
public readonly record struct SalesOrderNumber(long Value)
{
    private const long LegacyBase = 4_500_000_000;

    public string Cloud => "SO-" + Value.ToString("D7", CultureInfo.InvariantCulture);

    public string Legacy => (LegacyBase + Value).ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Cloud;

    /// <summary>Parses either dialect's spelling.</summary>
    public static bool TryParse(string? text, out SalesOrderNumber number)
    {
        number = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.StartsWith("SO-", StringComparison.OrdinalIgnoreCase))
        {
            if (long.TryParse(text.AsSpan(3), NumberStyles.None, CultureInfo.InvariantCulture, out var cloud) && cloud > 0)
            {
                number = new SalesOrderNumber(cloud);
                return true;
            }

            return false;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var legacy) && legacy > LegacyBase)
        {
            number = new SalesOrderNumber(legacy - LegacyBase);
            return true;
        }

        return false;
    }
}

/// <summary>An order line in eaches; <paramref name="UnitPrice"/> is the caller's, or the ERP's quote when the caller sent none.</summary>
public sealed record SalesOrderLine(string Sku, decimal Quantity, decimal? UnitPrice);

/// <summary>What a caller asks the ERP to book; <paramref name="ExternalRef"/> makes the request idempotent.</summary>
public sealed record SalesOrderRequest(string ExternalRef, string CustomerId, string ShipToId, string? PoNumber, IReadOnlyList<SalesOrderLine> Lines);

/// <summary>A sales order the ERP holds. <paramref name="Sequence"/> grows with every change of this order.</summary>
public sealed record SimSalesOrder(
    SalesOrderNumber Number,
    string ExternalRef,
    string CustomerId,
    string ShipToId,
    string? PoNumber,
    IReadOnlyList<SalesOrderLine> Lines,
    SalesOrderStatus Status,
    string? Carrier,
    string? TrackingNumber,
    string? RejectReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset StatusChangedAt,
    long Sequence);

/// <summary>The order booked for a request, and whether this request created it (false: the reference was already known).</summary>
public sealed record OrderPlacement(SimSalesOrder Order, bool Created);
