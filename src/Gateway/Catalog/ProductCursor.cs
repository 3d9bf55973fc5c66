using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Catalog;

/// <summary>
/// The opaque <c>cursor</c> of <c>GET /v1/products</c>: base64url of a version byte, the offset of the next page and a
/// fingerprint of the filters. A cursor only continues the query it came from; with other filters it is refused, since
/// its offset would silently skip or repeat items. The limit may change between pages.
/// </summary>
public static class ProductCursor
{
    const byte Version = 1;
    const int Length = 1 + sizeof(int) + FingerprintLength;
    const int FingerprintLength = 8;

    /// <summary>Longest cursor read: the ones the gateway writes are shorter.</summary>
    public const int MaxLength = 64;

    public static string Encode(int offset, string? category, string? text)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt32BigEndian(bytes[1..], offset);
        Fingerprint(category, text).CopyTo(bytes[(1 + sizeof(int))..]);
        return Base64Url.EncodeToString(bytes);
    }

    /// <returns>The offset the cursor continues from, or null with <paramref name="error"/> saying why it is refused.</returns>
    /// <param name="filterNames">The query parameters the fingerprint covers, named in the refusal.</param>
    public static int? Decode(string cursor, string? category, string? text, out string? error, string filterNames = "category, q")
    {
        ArgumentNullException.ThrowIfNull(cursor);
        error = null;
        Span<byte> bytes = stackalloc byte[Length + 1];
        if (cursor.Length > MaxLength || !Base64Url.IsValid(cursor) || !Base64Url.TryDecodeFromChars(cursor, bytes, out var written) || written != Length || bytes[0] != Version)
        {
            error = "The cursor is malformed; pass back nextCursor exactly as it was returned.";
            return null;
        }

        var offset = BinaryPrimitives.ReadInt32BigEndian(bytes[1..]);
        if (offset < 0)
        {
            error = "The cursor is malformed; pass back nextCursor exactly as it was returned.";
            return null;
        }

        if (!bytes.Slice(1 + sizeof(int), FingerprintLength).SequenceEqual(Fingerprint(category, text)))
        {
            error = $"The cursor belongs to a query with other filters ({filterNames}); start again without a cursor.";
            return null;
        }

        return offset;
    }

    // Filters compare case-insensitively in both ERPs, so "Tools" and "tools" continue the same query.
    static byte[] Fingerprint(string? category, string? text)
    {
        var filters = $"{Normalize(category)}\u001f{Normalize(text)}";
        return SHA256.HashData(Encoding.UTF8.GetBytes(filters))[..FingerprintLength];
    }

    static string Normalize(string? filter) => string.IsNullOrWhiteSpace(filter) ? "" : filter.Trim().ToUpperInvariant();
}
