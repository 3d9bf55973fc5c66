using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.GraphQL.PersistedQueries;

/// <summary>
/// Query texts by their SHA-256 (lower-case hex), as the automatic persisted query protocol names them: the allow-list
/// shipped in <see cref="GraphQLOptions.PersistedQueriesPath"/>, plus what clients registered on this instance (bounded in
/// entries and in bytes; a client that misses simply sends the text again, so instances need not share them).
/// </summary>
internal sealed class PersistedQueryStore
{
    readonly ConcurrentDictionary<string, string> _shipped = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, string> _registered = new(StringComparer.Ordinal);

    // Registrations are rare next to lookups: a lock keeps the two bounds exact, and lookups never take it.
    readonly Lock _registering = new();
    readonly int _capacity;
    readonly long _maxBytes;
    long _bytes;

    public PersistedQueryStore(GraphQLOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _capacity = options.MaxRegisteredQueries;
        _maxBytes = options.MaxRegisteredQueryBytes;
        if (!string.IsNullOrWhiteSpace(options.PersistedQueriesPath))
        {
            foreach (var file in Directory.EnumerateFiles(options.PersistedQueriesPath, "*.graphql"))
            {
                var query = File.ReadAllText(file);
                _shipped[Hash(query)] = query;
            }
        }
    }

    /// <summary>How many queries the allow-list holds.</summary>
    public int ShippedCount => _shipped.Count;

    public static string Hash(string query) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public string? Find(string sha256Hash) =>
        _shipped.TryGetValue(sha256Hash, out var query) || _registered.TryGetValue(sha256Hash, out query) ? query : null;

    public bool IsShipped(string sha256Hash) => _shipped.ContainsKey(sha256Hash);

    /// <summary>Remembers a query whose hash the caller proved; once full, new registrations are not kept.</summary>
    public void Register(string sha256Hash, string query)
    {
        var size = SizeOf(sha256Hash, query);
        lock (_registering)
        {
            if (_registered.Count < _capacity && _bytes + size <= _maxBytes && _registered.TryAdd(sha256Hash, query))
            {
                _bytes += size;
            }
        }
    }

    /// <summary>What an entry costs: its hash and its text as .NET holds them, two bytes a character.</summary>
    public static long SizeOf(string sha256Hash, string query) => ((long)sha256Hash.Length + query.Length) * sizeof(char);
}
