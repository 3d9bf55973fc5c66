using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.ChannelEvents;

/// <summary>
/// Standard Webhooks signing: <c>webhook-signature: v1,&lt;base64 HMAC-SHA256 of "&lt;id&gt;.&lt;timestamp&gt;.&lt;body&gt;"&gt;</c>,
/// keyed with the base64-decoded part of <c>whsec_&lt;base64&gt;</c>. Several live secrets (a rotation's overlap) give
/// several signatures, space-separated, as the specification allows: a receiver accepts any one it can verify.
/// </summary>
public static class WebhookSigning
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret: 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>webhook-signature</c> header's value for one delivery.</summary>
    public static string Signature(IEnumerable<WebhookSecret> secrets, string id, long timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        var signed = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return string.Join(' ', secrets.Select(s => "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(s.Value), signed))));
    }

    static byte[] KeyOf(string secret) => Convert.FromBase64String(secret[SecretPrefix.Length..]);
}
