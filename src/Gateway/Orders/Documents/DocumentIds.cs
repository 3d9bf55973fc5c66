using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Orders.Documents;

/// <summary>
/// The canonical ids of an order's documents. Each carries the order's id, so a document is found through its order,
/// whose customer is checked before anything is read, whichever ERP holds it: <c>shp_&lt;order&gt;_&lt;part&gt;</c>,
/// <c>inv_&lt;order&gt;</c>, <c>ret_&lt;order&gt;_&lt;16 hex&gt;</c>, where &lt;order&gt; is the 32 hex digits of
/// <c>ord_&lt;order&gt;</c>. The ERPs' own numbers differ per ERP; these do not.
/// </summary>
internal static class DocumentIds
{
    const string OrderPrefix = "ord_";
    const int OrderDigits = 32;

    public static string Shipment(string orderId, int part) =>
        "shp_" + Digits(orderId) + "_" + part.ToString(CultureInfo.InvariantCulture);

    /// <summary>The order and part a shipment id names; null for anything that is not one.</summary>
    public static (string OrderId, int Part)? ParseShipment(string? shipmentId)
    {
        if (shipmentId is not { Length: > 4 + OrderDigits + 1 } || !shipmentId.StartsWith("shp_", StringComparison.Ordinal)
            || shipmentId[4 + OrderDigits] != '_' || OrderOf(shipmentId.AsSpan(4, OrderDigits)) is not { } orderId)
        {
            return null;
        }

        var part = shipmentId.AsSpan(4 + OrderDigits + 1);
        return part.Length is >= 1 and <= 3 && part[0] != '0' && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? (orderId, n)
            : null;
    }

    public static string Invoice(string orderId) => "inv_" + Digits(orderId);

    public static string? OrderOfInvoice(string? invoiceId) =>
        invoiceId is { Length: 4 + OrderDigits } && invoiceId.StartsWith("inv_", StringComparison.Ordinal) ? OrderOf(invoiceId.AsSpan(4)) : null;

    /// <summary>
    /// A return's id, derived from the order and the caller's scoped idempotency key: a retry after a lost answer asks the
    /// ERP for the same reference, so the ERP books the return once however often it is sent.
    /// </summary>
    public static string Return(string orderId, string scopedKey) =>
        "ret_" + Digits(orderId) + "_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scopedKey)).AsSpan(0, 8));

    public static string? OrderOfReturn(string? returnId) =>
        returnId is { Length: 4 + OrderDigits + 1 + 16 } && returnId.StartsWith("ret_", StringComparison.Ordinal) && returnId[4 + OrderDigits] == '_'
        && returnId.AsSpan(4 + OrderDigits + 1).ContainsAnyExcept(HexDigits) == false
            ? OrderOf(returnId.AsSpan(4, OrderDigits))
            : null;

    /// <summary>The order an ERP external reference names: the order id, or the order id and a replay suffix (<c>ord_…-2</c>).</summary>
    public static string? OrderOfReference(string? externalReference)
    {
        if (externalReference is null || !externalReference.StartsWith(OrderPrefix, StringComparison.Ordinal) || externalReference.Length < 4 + OrderDigits)
        {
            return null;
        }

        var rest = externalReference.AsSpan(4 + OrderDigits);
        return rest.IsEmpty || rest[0] == '-' ? OrderOf(externalReference.AsSpan(4, OrderDigits)) : null;
    }

    static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    static string? OrderOf(ReadOnlySpan<char> digits) =>
        digits.Length == OrderDigits && !digits.ContainsAnyExcept(HexDigits) ? OrderPrefix + digits.ToString() : null;

    static string Digits(string orderId) =>
        orderId.StartsWith(OrderPrefix, StringComparison.Ordinal) && orderId.Length == 4 + OrderDigits
            ? orderId[4..]
            : throw new ArgumentException($"'{orderId}' is not an order id.", nameof(orderId));
}
