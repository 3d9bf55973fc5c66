using System.Security.Cryptography;
using System.Text;

namespace ErpSimulator.Webhooks;

/// <summary>The <c>X-Erp-Signature</c> header: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw body.</summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Erp-Signature";

    public static string Sign(ReadOnlySpan<byte> body, string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }
}
