using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Gateway.GraphQL.Schema;

/// <summary>Opaque cursors: clients pass them back, they never build them, so the encoding may change.</summary>
internal static class PageCursor
{
    const string Prefix = "offset:";

    public static string Encode(int offset) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    /// <returns>The offset after the cursor, or null when <paramref name="cursor"/> is not one of ours.</returns>
    public static int? Decode(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                ? offset
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
