using System.Security.Cryptography;
using System.Text;

namespace Gateway.Events;

/// <summary>
/// <c>X-Erp-Signature: sha256=&lt;lower-case hex HMAC-SHA256 of the raw body&gt;</c>, keyed by <c>Events:WebhookSecret</c>.
/// Compared in constant time, so the answer's timing tells an attacker nothing about how much of a guess was right.
/// </summary>
internal static class WebhookSignature
{
    public const string HeaderName = "X-Erp-Signature";
    const string Prefix = "sha256=";

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string? secret)
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
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, claimed);
    }
}
