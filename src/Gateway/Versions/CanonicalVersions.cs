using Asp.Versioning;

namespace Gateway.Versions;

/// <summary>
/// The versions of the canonical REST API this gateway serves, oldest first, each under its own path segment
/// (<c>/v1</c>, <c>/v2</c>) and with its own committed OpenAPI document. Their lifecycle (deprecation, sunset, policy
/// page, extensions) is configuration (<see cref="VersionsOptions"/>); which versions exist is code, since each one is a
/// set of endpoints.
/// </summary>
public static class CanonicalVersions
{
    public const string V1 = "v1";
    public const string V2 = "v2";

    /// <summary>Every served version, oldest first.</summary>
    public static readonly IReadOnlyList<string> All = [V1, V2];

    /// <summary>Each version as Asp.Versioning's <see cref="ApiVersion"/>, in the order of <see cref="All"/>.</summary>
    public static readonly IReadOnlyList<ApiVersion> ApiVersions = [new ApiVersion(1), new ApiVersion(2)];

    /// <summary>The newest version: where a sunset version's callers are sent.</summary>
    public static string Latest => All[^1];

    /// <summary>The version that replaces <paramref name="version"/>: the next one served, or itself when it is the newest.</summary>
    public static string SuccessorOf(string version)
    {
        var index = IndexOf(version);
        return index >= 0 && index < All.Count - 1 ? All[index + 1] : Latest;
    }

    /// <summary>The position of <paramref name="version"/> in <see cref="All"/>, or -1.</summary>
    public static int IndexOf(string version)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], version, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The first path segment when it names a version (<c>v</c> and digits, as <c>/v3/products</c> does), served or not;
    /// null for every other path (<c>/admin</c>, <c>/graphql</c>, <c>/videos</c>). Allocation-free for served versions.
    /// </summary>
    public static string? SegmentOf(PathString path)
    {
        var value = path.Value.AsSpan();
        if (value.Length < 3 || value[0] != '/' || (value[1] != 'v' && value[1] != 'V'))
        {
            return null;
        }

        var end = value[1..].IndexOf('/');
        var segment = end < 0 ? value[1..] : value.Slice(1, end);
        if (segment.Length < 2 || segment.Length > 10 || !IsDigits(segment[1..]))
        {
            return null;
        }

        foreach (var served in All)
        {
            if (segment.Equals(served, StringComparison.OrdinalIgnoreCase))
            {
                return served;
            }
        }

        return segment.ToString().ToLowerInvariant();
    }

    static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
