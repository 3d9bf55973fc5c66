using Gateway.Edge;
using static Gateway.IntegrationTests.GraphQL.PersistedQueryRequests;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>
/// What the automatic persisted query protocol lets a caller store: only texts within every guardrail, and no more bytes
/// than the store is allowed, whatever a caller sends.
/// </summary>
[Collection(GraphQLTests.Name)]
public sealed class GraphQLPersistedQueryBoundTests(GraphQLGateway gateway)
{
    const int Registrations = 1_000;

    // A plan no registration flood reaches, and guardrails small enough that a refused text stays short.
    static readonly string[] Guardrails =
    [
        "Auth:Storefront:RequestsPerSecond=100000", "Auth:Storefront:Burst=1000000",
        "GraphQL:MaxQueryLength=300", "GraphQL:MaxDepth=5", "GraphQL:MaxCost=100",
    ];

    static string Token => GraphQLGateway.Storefront("20001", Scopes.CatalogRead, Scopes.PricingRead);

    [Theory]
    [InlineData("longer than", "query Q{0} {{ products(first: 1) {{ totalCount }} }} # {1}")]
    [InlineData("depth", "query Q{0} {{ products(first: 1) {{ edges {{ node {{ price {{ breaks {{ minQuantity }} }} }} }} }} }}")]
    [InlineData("complex", "query Q{0} {{ products(first: 100) {{ edges {{ node {{ sku name }} }} }} }}")]
    public async Task Texts_refused_by_a_guardrail_are_never_stored(string refusal, string template)
    {
        var client = gateway.Client(Guardrails);
        var texts = Enumerable.Range(0, Registrations)
            .Select(i => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, i, new string('x', 300)))
            .ToArray();

        var registrations = await SendAllAsync(client, texts, withText: true);
        var lookups = await SendAllAsync(client, texts, withText: false);

        // Counted, not asserted one by one: a thousand failures would bury the one line that matters.
        Assert.Equal(Registrations, registrations.Count(answer => answer.Errors.Count == 1 && answer.Errors[0]["message"]!.GetValue<string>().Contains(refusal, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(0, lookups.Count(answer => !NotFound(answer)));

        // The flood took no room: a query within the guardrails still registers and then runs by its hash alone.
        var good = $"query Good{Guid.NewGuid():N} {{ products(first: 1) {{ totalCount }} }}";
        Assert.Empty((await client.PostAsync(Token, Persisted(good, Hash(good)))).Errors);
        Assert.Empty((await client.PostAsync(Token, Persisted(null, Hash(good)))).Errors);
    }

    [Fact]
    public async Task Registrations_past_the_byte_bound_are_not_kept()
    {
        const int MaxBytes = 20_000;
        var client = gateway.Client([.. Guardrails, "GraphQL:MaxQueryLength=2000", $"GraphQL:MaxRegisteredQueryBytes={MaxBytes}"]);
        // 50 texts of 1,000 characters: 100,000 bytes as .NET holds them, five times the bound.
        var texts = Enumerable.Range(0, 50)
            .Select(i => $"query Bytes{i:D2} {{ products(first: 1) {{ totalCount }} }} #".PadRight(1_000, 'x'))
            .ToArray();

        var registrations = await SendAllAsync(client, texts, withText: true);
        var lookups = await SendAllAsync(client, texts, withText: false);

        Assert.Equal(0, registrations.Count(answer => answer.Errors.Count > 0));
        var kept = lookups.Count(answer => !NotFound(answer));
        Assert.InRange(kept, 1, MaxBytes / (2 * 1_000));
    }

    /// <summary>Sends each text's registration (hash and text) or lookup (hash alone), a few at a time, answers in order.</summary>
    static async Task<GraphQLAnswer[]> SendAllAsync(HttpClient client, string[] texts, bool withText)
    {
        var answers = new GraphQLAnswer[texts.Length];
        await Parallel.ForAsync(0, texts.Length, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken }, async (i, _) =>
            answers[i] = await client.PostAsync(Token, Persisted(withText ? texts[i] : null, Hash(texts[i]))));
        return answers;
    }

    static bool NotFound(GraphQLAnswer answer) => answer.Codes.SequenceEqual(["PERSISTED_QUERY_NOT_FOUND"]);
}
