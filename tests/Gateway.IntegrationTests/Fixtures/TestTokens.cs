using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gateway.IntegrationTests.Fixtures;

/// <summary>
/// Credentials for tests: the demo JWT settings and admin token a gateway host is configured with
/// (<see cref="Settings"/>), and storefront JWTs minted for them — valid ones and the broken variants a gateway must refuse.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "https://demo-issuer.gateway.test";
    public const string Audience = "gateway-api";
    public const string SigningKey = "test-signing-key-for-hs256-demo-tokens-0123456789";
    public const string AdminToken = "test-admin-token-0123456789abcdef";

    /// <summary>Configuration for a host that accepts the tokens minted here and <see cref="AdminToken"/>.</summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Auth:Jwt:Issuer"] = Issuer,
        ["Auth:Jwt:Audience"] = Audience,
        ["Auth:Jwt:SigningKey"] = SigningKey,
        ["Gateway:AdminToken"] = AdminToken,
    };

    /// <summary>A valid storefront JWT acting for <paramref name="customerId"/> with the given scopes.</summary>
    public static string Storefront(string customerId, params string[] scopes) => Storefront(customerId, scopes, TimeSpan.FromMinutes(10));

    /// <summary>A storefront JWT; a negative <paramref name="lifetime"/> gives a token that has already expired.</summary>
    public static string Storefront(
        string customerId,
        IEnumerable<string> scopes,
        TimeSpan lifetime,
        string subject = "storefront-test",
        string audience = Audience,
        string issuer = Issuer,
        string signingKey = SigningKey)
    {
        var now = DateTimeOffset.UtcNow;
        var payload = new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["sub"] = subject,
            ["iat"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["nbf"] = (lifetime < TimeSpan.Zero ? now + lifetime - TimeSpan.FromMinutes(1) : now.AddMinutes(-1)).ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
            ["scope"] = string.Join(' ', scopes),
            ["customer_id"] = customerId,
        };
        return Sign(payload, signingKey);
    }

    /// <summary>Expired well beyond any clock skew a gateway tolerates.</summary>
    public static string Expired(string customerId, params string[] scopes) => Storefront(customerId, scopes, TimeSpan.FromMinutes(-30));

    public static string WrongAudience(string customerId, params string[] scopes) =>
        Storefront(customerId, scopes, TimeSpan.FromMinutes(10), audience: "someone-else");

    /// <summary>A valid token whose payload was then edited (another customer) without re-signing.</summary>
    public static string Tampered(string customerId, string otherCustomerId, params string[] scopes)
    {
        var parts = Storefront(customerId, scopes).Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlDecode(parts[1]))
            .Replace(customerId, otherCustomerId, StringComparison.Ordinal);
        return $"{parts[0]}.{Base64Url(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
    }

    /// <summary>The same claims, unsigned with <c>alg: none</c> (the classic bypass).</summary>
    public static string AlgNone(string customerId, params string[] scopes)
    {
        var parts = Storefront(customerId, scopes).Split('.');
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "none", ["typ"] = "JWT" }));
        return $"{header}.{parts[1]}.";
    }

    /// <summary>A token with exactly <paramref name="payload"/> as its claims, signed with the test key.</summary>
    public static string WithClaims(Dictionary<string, object> payload) => Sign(payload, SigningKey);

    static string Sign(Dictionary<string, object> payload, string signingKey)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["alg"] = "HS256", ["typ"] = "JWT" }));
        var body = Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes($"{header}.{body}"));
        return $"{header}.{body}.{Base64Url(signature)}";
    }

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    static byte[] Base64UrlDecode(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Convert.FromBase64String(padded);
    }
}
