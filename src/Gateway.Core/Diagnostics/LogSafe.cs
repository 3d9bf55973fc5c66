using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gateway.Core.Diagnostics;

/// <summary>
/// Caller-supplied text made fit for a log line or the audit stream: a CR or LF cannot forge another line, a control,
/// format or separator character cannot hide or reorder what follows (each is written as <c>\uXXXX</c>), a full partner
/// API key pasted where an id belongs is masked, and the result is at most <see cref="MaxLength"/> characters.
/// </summary>
public static partial class LogSafe
{
    /// <summary>Longest text written; ids are far shorter, so anything longer is not an id worth keeping whole.</summary>
    public const int MaxLength = 128;

    /// <summary>What stands for the secret part of a key: the key id before it is safe to log, the secret never is.</summary>
    public const string MaskedSecret = "***";

    const char Ellipsis = '…';

    /// <summary>
    /// <paramref name="value"/> itself when it needs no change (no allocation), else its escaped, masked and shortened form;
    /// null stays null, so an absent field stays absent.
    /// </summary>
    [return: NotNullIfNotNull(nameof(value))]
    public static string? Text(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var masked = value.Contains("gw_", StringComparison.Ordinal) ? FullPartnerKey().Replace(value, MaskSecret) : value;
        if (masked.Length <= MaxLength && AllPrintable(masked))
        {
            return masked;
        }

        var text = new StringBuilder(Math.Min(masked.Length, MaxLength) + 1);
        for (var i = 0; i < masked.Length; i++)
        {
            var c = masked[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < masked.Length && char.IsLowSurrogate(masked[i + 1]);
            var width = pair ? 2 : IsPrintable(c) ? 1 : 6;
            if (text.Length + width > MaxLength)
            {
                return text.Append(Ellipsis).ToString();
            }

            if (pair)
            {
                text.Append(c).Append(masked[++i]);
            }
            else if (width == 1)
            {
                text.Append(c);
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return text.ToString();
    }

    static bool AllPrintable(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (!IsPrintable(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Control characters (CR, LF, NUL, ESC...), format characters (bidirectional overrides, zero-width joiners), line and
    /// paragraph separators and lone surrogates are not printable; a surrogate pair is handled by the caller.
    /// </summary>
    static bool IsPrintable(char c) => char.GetUnicodeCategory(c) is not (
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate);

    static string MaskSecret(Match key) => key.Groups["id"].Value + MaskedSecret;

    /// <summary>
    /// The shape of <c>Gateway.Edge.ApiKeys.PartnerKeyFormat</c>'s keys: <c>gw_</c>, 16 hex digits of key id, <c>_</c>, 43
    /// base64url characters of secret (a test generates a real key and checks this mask catches it).
    /// </summary>
    [GeneratedRegex("(?<id>gw_[0-9a-fA-F]{16}_)[A-Za-z0-9_-]{43}", RegexOptions.CultureInvariant)]
    private static partial Regex FullPartnerKey();
}
