using System.Security.Cryptography;
using System.Text;

namespace Gateway.Events;

/// <summary>
/// <c>X-Erp-Signature: sha256=&lt;lower-case hex HMAC-SHA256&gt;</c>, keyed by <c>Events:WebhookSecret</c>: of
/// <c>"&lt;X-Erp-Timestamp&gt;.&lt;raw body&gt;"</c>, or, in the older form without a timestamp, of the raw body alone.
/// Compared in constant time, so the answer's timing tells an attacker nothing about how much of a guess was right.
/// </summary>
internal static class WebhookSignature
{
    public const string HeaderName = "X-Erp-Signature";
    public const string TimestampHeaderName = "X-Erp-Timestamp";
    const string Prefix = "sha256=";

    /// <summary>The older form: the HMAC of the body alone, which a captured webhook can be replayed with for ever.</summary>
    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string? secret) => Matches([], body, header, secret);

    /// <summary>
    /// The HMAC of <c>"&lt;timestamp&gt;.&lt;body&gt;"</c>, over the timestamp exactly as sent, so no other spelling of the
    /// same instant (a leading zero, a sign) is signed by it.
    /// </summary>
    public static bool IsValid(string timestamp, ReadOnlySpan<byte> body, string? header, string? secret)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        return Matches(Encoding.ASCII.GetBytes(timestamp + "."), body, header, secret);
    }

    static bool Matches(ReadOnlySpan<byte> signedPrefix, ReadOnlySpan<byte> body, string? header, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || header is null || !header.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var hex = header.AsSpan(Prefix.Length).Trim();
        Span<byte> claimed = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (hex.Length != 2 * HMACSHA256.HashSizeInBytes || Convert.FromHexString(hex, claimed, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != claimed.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(signedPrefix);
        hmac.AppendData(body);
        hmac.GetHashAndReset(expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }
}
