using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Edge.ApiKeys;

/// <summary>
/// Keys look like <c>gw_&lt;keyId&gt;_&lt;secret&gt;</c>: the key id is the lookup prefix (stored in clear, safe to log),
/// the secret is 256 random bits. Only the SHA-256 of the whole key is kept; with that much entropy a fast hash is
/// enough, no password hashing is needed.
/// </summary>
public static class PartnerKeyFormat
{
    public const string Prefix = "gw_";
    public const int KeyIdLength = 16;
    const int SecretBytes = 32;
    static readonly int SecretLength = Base64UrlLength(SecretBytes);
    static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdef");
    static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>A new key and its id.</summary>
    public static (string KeyId, string Key) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(SecretBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (keyId, $"{Prefix}{keyId}_{secret}");
    }

    /// <summary>The key id of a well-formed key; false for anything else, whatever its content.</summary>
    public static bool TryGetKeyId(string key, out string keyId)
    {
        keyId = string.Empty;
        if (key.Length != Prefix.Length + KeyIdLength + 1 + SecretLength
            || !key.StartsWith(Prefix, StringComparison.Ordinal)
            || key[Prefix.Length + KeyIdLength] != '_')
        {
            return false;
        }

        var id = key.AsSpan(Prefix.Length, KeyIdLength);
        var secret = key.AsSpan(Prefix.Length + KeyIdLength + 1);
        if (id.ContainsAnyExcept(Hex) || secret.ContainsAnyExcept(Base64UrlAlphabet))
        {
            return false;
        }

        keyId = id.ToString();
        return true;
    }

    /// <summary>What is stored for a key: lowercase hex SHA-256 of its UTF-8 bytes.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>True for a syntactically valid key id (the admin API's routes take one).</summary>
    public static bool IsKeyId(string keyId) => keyId.Length == KeyIdLength && !keyId.AsSpan().ContainsAnyExcept(Hex);

    static int Base64UrlLength(int bytes) => ((bytes * 4) + 2) / 3;
}
