using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Edge.Scoping;

/// <summary>
/// The one encoding of a key built from caller-controlled parts (a token's <c>sub</c> or <c>customer_id</c>, a partner's
/// customer list, an <c>Idempotency-Key</c>): every part is written with its length in front (<c>5:C 1,2</c>) and a
/// missing part as <c>-</c>, so no character a part may hold (space, comma, colon, quote, any unicode) can make two
/// different lists of parts read the same. <see cref="Digest"/> hashes that encoding when the key is stored or kept in
/// memory per answer, where its length would otherwise grow with the caller's customer list.
/// </summary>
public static class ScopeKey
{
    /// <summary>The parts, length-prefixed and in order: equal exactly when the parts are equal one by one.</summary>
    public static string Of(params ReadOnlySpan<string?> parts)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            Append(builder, part);
        }

        return builder.ToString();
    }

    /// <summary>A part that is itself a set: its members in ordinal order, after their count, each length-prefixed.</summary>
    public static string OfSet(IEnumerable<string>? members)
    {
        if (members is null)
        {
            return "*";
        }

        var sorted = members.Order(StringComparer.Ordinal).ToArray();
        var builder = new StringBuilder().Append(sorted.Length).Append('#');
        foreach (var member in sorted)
        {
            Append(builder, member);
        }

        return builder.ToString();
    }

    /// <summary>The SHA-256 of <see cref="Of"/>'s encoding, base64url: 43 characters whatever the parts weigh.</summary>
    public static string Digest(params ReadOnlySpan<string?> parts) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(Of(parts))));

    /// <summary>The parts of an encoding <see cref="Of"/> wrote, in order; null when <paramref name="encoded"/> is not one.</summary>
    public static IReadOnlyList<string?>? Parts(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var parts = new List<string?>();
        var at = 0;
        while (at < encoded.Length)
        {
            if (encoded[at] == '-')
            {
                parts.Add(null);
                at++;
                continue;
            }

            var colon = encoded.IndexOf(':', at);
            if (colon <= at || !int.TryParse(encoded.AsSpan(at, colon - at), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || length > encoded.Length - colon - 1)
            {
                return null;
            }

            parts.Add(encoded.Substring(colon + 1, length));
            at = colon + 1 + length;
        }

        return parts;
    }

    static void Append(StringBuilder builder, string? part)
    {
        if (part is null)
        {
            builder.Append('-');
            return;
        }

        builder.Append(part.Length).Append(':').Append(part);
    }
}
