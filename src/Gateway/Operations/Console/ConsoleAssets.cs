using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace Gateway.Operations.Console;

/// <summary>
/// The console's page, script, styles and the vendored chart library, embedded in the gateway's assembly (no CDN, no
/// external font, nothing to deploy beside the binary) and answered with a strong ETag.
/// </summary>
internal sealed class ConsoleAssets
{
    /// <summary>The prefix of the assets' manifest names (<c>Gateway.csproj</c> sets it).</summary>
    const string ResourcePrefix = "console/";

    static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    readonly FrozenDictionary<string, Asset> _assets;

    public ConsoleAssets()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        _assets = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && ContentTypes.ContainsKey(Path.GetExtension(n)))
            .ToFrozenDictionary(n => n[ResourcePrefix.Length..], n => Load(assembly, n), StringComparer.Ordinal);
    }

    public Asset? Find(string path) => _assets.GetValueOrDefault(path);

    static Asset Load(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return new Asset(bytes, ContentTypes[Path.GetExtension(name)], "\"" + Convert.ToHexString(SHA256.HashData(bytes))[..16] + "\"");
    }
}

/// <summary>One embedded file.</summary>
internal sealed record Asset(byte[] Content, string ContentType, string ETag);
