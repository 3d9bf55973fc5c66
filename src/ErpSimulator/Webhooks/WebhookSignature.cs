using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ErpSimulator.Webhooks;

/// <summary>
/// A webhook's <c>X-Erp-Timestamp</c> (Unix seconds) and <c>X-Erp-Signature</c>: <c>sha256=</c> and the lower-case hex
/// HMAC-SHA256 of <c>"&lt;timestamp&gt;.&lt;raw body&gt;"</c>, so a receiver can refuse a captured webhook replayed later.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Erp-Signature";
    public const string TimestampHeaderName = "X-Erp-Timestamp";

    /// <summary>The timestamp header's value for <paramref name="signedAt"/>.</summary>
    public static string Timestamp(DateTimeOffset signedAt) => signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static string Sign(string timestamp, ReadOnlySpan<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(secret);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.ASCII.GetBytes(timestamp + "."));
        hmac.AppendData(body);
        return "sha256=" + Convert.ToHexStringLower(hmac.GetHashAndReset());
    }
}
