using GraphQLParser.AST;
using Microsoft.Extensions.Caching.Memory;

namespace Gateway.GraphQL.Endpoint;

/// <summary>
/// Parsed documents that passed the rules which depend on the document alone (the specification's rules, no
/// introspection when it is off), by query text. A storefront sends the same few queries again and again; a query seen
/// before is neither parsed nor checked by those rules again, which was half of the CPU a warm product page cost. The
/// rules that depend on the request still run every time: cost against the caller's plan and its variables, and
/// queries-only for GET. Bounded by the total length of the texts kept (GraphQL.NET's own document cache does the same,
/// in a package this registry lacks).
/// </summary>
internal sealed class ValidatedDocuments : IDisposable
{
    /// <summary>Total query text kept, in characters: about 10 MB of syntax trees at most.</summary>
    public const long MaxTotalChars = 1_000_000;

    readonly MemoryCache _documents = new(new MemoryCacheOptions { SizeLimit = MaxTotalChars });

    public GraphQLDocument? Find(string query) => _documents.TryGetValue(query, out GraphQLDocument? document) ? document : null;

    public void Remember(string query, GraphQLDocument document) =>
        _documents.Set(query, document, new MemoryCacheEntryOptions { Size = Math.Max(1, query.Length) });

    public void Dispose() => _documents.Dispose();
}
