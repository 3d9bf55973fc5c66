using System.Security.Cryptography;
using System.Text;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>Request bodies of the automatic persisted query protocol, as Apollo's link sends them.</summary>
internal static class PersistedQueryRequests
{
    /// <summary>The hash with its text (a registration), or alone when <paramref name="query"/> is null.</summary>
    public static object Persisted(string? query, string hash) =>
        new { query, extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } } };

    public static string Hash(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));
}
