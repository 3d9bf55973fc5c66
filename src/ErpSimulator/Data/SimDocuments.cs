using System.Globalization;

namespace ErpSimulator.Data;

/// <summary>
/// The numbers of an order's documents: one counter per kind, spelled per dialect like <see cref="SalesOrderNumber"/>
/// (cloud <c>SH-0000001</c>, <c>INV-0000001</c>, <c>RMA-0000001</c>, <c>CN-0000001</c>; legacy ten digits from a base per kind).
/// </summary>
public readonly record struct DocumentNumber(DocumentKind Kind, long Value)
{
    public string Cloud => Prefix(Kind) + Value.ToString("D7", CultureInfo.InvariantCulture);

    public string Legacy => (LegacyBase(Kind) + Value).ToString(CultureInfo.InvariantCulture);

    public override string ToString() => Cloud;

    /// <summary>Parses either dialect's spelling of a number of <paramref name="kind"/>.</summary>
    public static bool TryParse(DocumentKind kind, string? text, out DocumentNumber number)
    {
        number = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var prefix = Prefix(kind);
        if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            if (long.TryParse(text.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var cloud) && cloud > 0)
            {
                number = new DocumentNumber(kind, cloud);
                return true;
            }

            return false;
        }

        var floor = LegacyBase(kind);
        if (text.Length == 10 && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var legacy)
            && legacy > floor && legacy < floor + 100_000_000)
        {
            number = new DocumentNumber(kind, legacy - floor);
            return true;
        }

        return false;
    }

    private static string Prefix(DocumentKind kind) => kind switch
    {
        DocumentKind.Shipment => "SH-",
        DocumentKind.Invoice => "INV-",
        DocumentKind.Return => "RMA-",
        _ => "CN-",
    };

    private static long LegacyBase(DocumentKind kind) => kind switch
    {
        DocumentKind.Shipment => 8_000_000_000,
        DocumentKind.Invoice => 9_000_000_000,
        DocumentKind.Return => 7_000_000_000,
        _ => 9_500_000_000,
    };
}

public enum DocumentKind
{
    Shipment,
    Invoice,
    Return,
    CreditNote,
}

/// <summary>One parcel of an order: <paramref name="Part"/> 1 or 2 (an order of two or more lines ships in two parts).</summary>
public sealed record SimShipment(
    DocumentNumber Number,
    SalesOrderNumber Order,
    int Part,
    string Carrier,
    string TrackingNumber,
    IReadOnlyList<SimShippedLine> Lines,
    DateTimeOffset ShippedAt);

/// <summary>A line of a parcel, in eaches.</summary>
public sealed record SimShippedLine(string Sku, decimal Quantity);

public enum InvoiceStatus
{
    Open,
    Paid,
    Overdue,
}

/// <summary>The invoice of an order, raised once the last parcel has left; due by the customer's payment terms.</summary>
public sealed record SimInvoice(
    DocumentNumber Number,
    SalesOrderNumber Order,
    string OrderExternalRef,
    string CustomerId,
    string Currency,
    IReadOnlyList<SimInvoiceLine> Lines,
    decimal Subtotal,
    decimal TaxRate,
    decimal Tax,
    decimal Total,
    DateTimeOffset IssuedAt,
    DateOnly DueDate,
    DateTimeOffset? PaidAt)
{
    /// <summary>Paid once paid; overdue the day after its due date; open before.</summary>
    public InvoiceStatus StatusOn(DateOnly today) =>
        PaidAt is not null ? InvoiceStatus.Paid : today > DueDate ? InvoiceStatus.Overdue : InvoiceStatus.Open;
}

/// <summary>An invoiced line: eaches at the order's unit price; <paramref name="Amount"/> rounded to the cent.</summary>
public sealed record SimInvoiceLine(string Sku, decimal Quantity, decimal UnitPrice, decimal Amount);

public enum ReturnStatus
{
    Requested,
    Authorised,
    Received,
    Credited,
    Rejected,
}

/// <summary>A return authorisation (RMA) for shipped lines of one order; <paramref name="ExternalRef"/> makes the request idempotent.</summary>
public sealed record SimReturn(
    DocumentNumber Number,
    string ExternalRef,
    SalesOrderNumber Order,
    string CustomerId,
    IReadOnlyList<SimShippedLine> Lines,
    string? Reason,
    ReturnStatus Status,
    string? RejectReason,
    DocumentNumber? CreditNote,
    decimal? CreditAmount,
    DateTimeOffset CreatedAt,
    DateTimeOffset StatusChangedAt);

/// <summary>What a caller asks to return: lines of a shipped order, in eaches.</summary>
public sealed record ReturnRequest(string ExternalRef, SalesOrderNumber Order, IReadOnlyList<SimShippedLine> Lines, string? Reason);

/// <summary>The return booked for a request, whether this request created it, or why it could not be booked (nothing is booked then).</summary>
public sealed record ReturnPlacement(SimReturn? Return, bool Created, string? Field = null, string? Error = null);
