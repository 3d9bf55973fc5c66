using System.ComponentModel.DataAnnotations;

namespace Gateway.GraphQL;

/// <summary>Guardrails of <c>POST /graphql</c>: how deep, how costly and how large a query may be, and which queries run at all.</summary>
public sealed class GraphQLOptions
{
    public const string SectionName = "GraphQL";

    /// <summary>The contract's largest page: <c>products(first:)</c> above it is refused.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Whether <c>__schema</c> and <c>__type</c> are answered. Default: true; production should set false.</summary>
    public bool Introspection { get; set; } = true;

    /// <summary>
    /// Allow-list mode: only persisted queries run (by <c>extensions.persistedQuery.sha256Hash</c>), and new ones cannot be
    /// registered; they come from <see cref="PersistedQueriesPath"/>. Default: false.
    /// </summary>
    public bool PersistedQueriesOnly { get; set; }

    /// <summary>A folder of <c>*.graphql</c> files, each one persisted query, loaded at start. Default: none.</summary>
    public string? PersistedQueriesPath { get; set; }

    /// <summary>How many queries registered by the automatic persisted query protocol one instance remembers. Default: 1000.</summary>
    [Range(0, 100_000)]
    public int MaxRegisteredQueries { get; set; } = 1000;

    /// <summary>
    /// How many bytes the queries registered on one instance may take in all: each costs its text and its hash as .NET
    /// holds them, two bytes a character. Like <see cref="MaxRegisteredQueries"/>, a registration past it is not kept (the
    /// client keeps sending the text, which still runs). Default: 4 MiB (4,194,304), the 1,000 registrations at about
    /// 2,000 characters each.
    /// </summary>
    [Range(0, 1024 * 1024 * 1024)]
    public int MaxRegisteredQueryBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The deepest selection a query may nest (<c>products.edges.node.price.breaks.minQuantity</c> is 6). Default: 10.</summary>
    [Range(2, 50)]
    public int MaxDepth { get; set; } = 10;

    /// <summary>
    /// The highest computed cost a query may have: 1 per field, times the page size for fields under a list
    /// (<c>first</c> of a connection, 5 for other lists). A page of 100 products with name, price (with breaks) and
    /// availability (with warehouses) costs about 9,200. Default: 10000.
    /// </summary>
    [Range(10, 1_000_000)]
    public int MaxCost { get; set; } = 10_000;

    /// <summary>
    /// The cost one rate-limit token buys: a query costing <c>c</c> spends <c>ceil(c / CostPerToken)</c> tokens of the caller's plan
    /// (the first is the request itself). Default: 1000, so a product page of 100 with prices spends about 10.
    /// </summary>
    [Range(1, 1_000_000)]
    public int CostPerToken { get; set; } = 1000;

    /// <summary>
    /// How long an answer to a query may be kept and sent again without running the query: for the same query and
    /// variables, to callers with the same scopes and customers as the one it was built for. A kept answer is only sent
    /// while every cached entry it was built from is still the current, fresh one (so an ERP change seen by this instance
    /// retires it at once), and never past UTC midnight (promotions are dated). Answers with errors, orders, or anything
    /// read from the ERP rather than the cache are never kept. Each sending still spends the query's cost from the
    /// caller's plan. Zero turns it off. Default: 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan KeepAnswersFor { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest query text accepted, in characters. Default: 20,000.</summary>
    [Range(100, 1_000_000)]
    public int MaxQueryLength { get; set; } = 20_000;
}
