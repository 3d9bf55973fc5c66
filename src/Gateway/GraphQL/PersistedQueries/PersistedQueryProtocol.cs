using GraphQL;

namespace Gateway.GraphQL.PersistedQueries;

/// <summary>
/// The query text a request stands for, or why it has none; <paramref name="Registers"/> is the hash the request asks to
/// register the text under, which <see cref="PersistedQueryProtocol.Register"/> honours once the text passed every guardrail.
/// </summary>
internal readonly record struct QueryText(string? Query, ExecutionError? Error, string? Registers = null);

/// <summary>
/// The automatic persisted query protocol (<c>extensions.persistedQuery.sha256Hash</c>): a hash alone runs a known query or
/// answers <c>PersistedQueryNotFound</c> so the client resends it with its text; hash and text register it once the hash
/// matches and the text passed every guardrail (length, depth, cost), so a refused text never takes room. In allow-list
/// mode (<see cref="GraphQLOptions.PersistedQueriesOnly"/>) only the shipped queries run.
/// </summary>
internal sealed class PersistedQueryProtocol(PersistedQueryStore store, GraphQLOptions options)
{
    public QueryText Resolve(string? query, Inputs? extensions)
    {
        var hash = HashOf(extensions);
        if (hash is null)
        {
            return options.PersistedQueriesOnly ? Refuse(GraphQLErrors.PersistedQueryRequired, "Only persisted queries run here; send extensions.persistedQuery.sha256Hash.")
                : string.IsNullOrWhiteSpace(query) ? new QueryText(null, new MalformedRequest("The request has no query."))
                : new QueryText(query, null);
        }

        if (query is null)
        {
            // Apollo clients recognise this exact message and resend the query with its text.
            return store.Find(hash) is { } known ? new QueryText(known, null) : Refuse(GraphQLErrors.PersistedQueryNotFound, "PersistedQueryNotFound");
        }

        if (!string.Equals(PersistedQueryStore.Hash(query), hash, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(GraphQLErrors.PersistedQueryHashMismatch, "extensions.persistedQuery.sha256Hash is not the SHA-256 of the query.");
        }

        if (options.PersistedQueriesOnly)
        {
            return store.IsShipped(hash.ToLowerInvariant()) ? new QueryText(query, null)
                : Refuse(GraphQLErrors.PersistedQueryRequired, "Only the persisted queries shipped with the gateway run here.");
        }

        return new QueryText(query, null, hash.ToLowerInvariant());
    }

    /// <summary>Keeps a registration's text; call it only once the text passed the guardrails.</summary>
    public void Register(QueryText text)
    {
        if (text is { Registers: { } hash, Query: { } query })
        {
            store.Register(hash, query);
        }
    }

    static QueryText Refuse(string code, string message) => new(null, new GatewayError(code, message));

    static string? HashOf(Inputs? extensions) =>
        extensions?.TryGetValue("persistedQuery", out var persisted) == true
        && persisted is IReadOnlyDictionary<string, object?> fields
        && fields.TryGetValue("sha256Hash", out var hash)
            ? hash as string
            : null;
}
