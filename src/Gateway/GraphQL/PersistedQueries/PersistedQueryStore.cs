using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.GraphQL.PersistedQueries;

/// <summary>
/// Query texts by their SHA-256 (lower-case hex), as the automatic persisted query protocol names them: the allow-list
/// shipped in <see cref="GraphQLOptions.PersistedQueriesPath"/>, plus what clients registered on this instance (bounded;
/// a client that misses simply sends the text again, so instances need not share them).
/// </summary>
internal sealed class PersistedQueryStore
{
    readonly ConcurrentDictionary<string, string> _shipped = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, string> _registered = new(StringComparer.Ordinal);
    readonly int _capacity;

    public PersistedQueryStore(GraphQLOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _capacity = options.MaxRegisteredQueries;
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
        if (_registered.Count < _capacity)
        {
            _registered.TryAdd(sha256Hash, query);
        }
    }
}
