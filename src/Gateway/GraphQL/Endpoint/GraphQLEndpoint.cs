using System.Text.Json;
using Gateway.Caching;
using Gateway.CanonicalApi.Problems;
using Gateway.Core;
using Gateway.Edge;
using Gateway.Edge.Scoping;
using Gateway.GraphQL.Deprecations;
using Gateway.GraphQL.Guardrails;
using Gateway.GraphQL.Loading;
using Gateway.GraphQL.PersistedQueries;
using Gateway.GraphQL.Schema;
using Gateway.Observability;
using Gateway.Orders.Documents;
using Gateway.Versions;
using Gateway.Versions.Usage;
using GraphQL;
using GraphQL.Transport;
using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using Microsoft.Extensions.Options;

namespace Gateway.GraphQL.Endpoint;

/// <summary>
/// GraphQL over HTTP (POST with <c>application/json</c>, or GET for queries), written here because GraphQL.Server is not
/// available. HTTP-level problems (no credential, not JSON) answer <c>application/problem+json</c> like REST; everything
/// GraphQL can express answers in GraphQL's own error shape. Scopes are checked per field (<see cref="ScopeRequirement"/>).
/// </summary>
internal sealed class GraphQLEndpoint(
    IDocumentExecuter<GatewaySchema> executer,
    IGraphQLTextSerializer serializer,
    PersistedQueryProtocol persisted,
    QueryCost cost,
    ValidatedDocuments documents,
    GraphQLKeptAnswers answers,
    CacheOutcomes outcomes,
    TimeProvider time,
    IOptions<GraphQLOptions> options,
    ICatalogSource catalog,
    ICustomerSource customers,
    IPriceSource prices,
    IStockSource stock,
    IOrderDocumentSource orderDocuments,
    OrderDocumentReads documentReads,
    FieldDeprecations deprecations,
    UsageCounter usage)
{
    /// <summary>The route usage counts GraphQL's deprecated fields under.</summary>
    const string UsageRoute = "POST|GET " + GraphQLSetup.Path;

    readonly GraphQLOptions _options = options.Value;

    /// <summary>Rules whose verdict depends on the document alone: run once per query text (<see cref="ValidatedDocuments"/>).</summary>
    readonly IValidationRule[] _documentRules = options.Value.Introspection
        ? [.. DocumentValidator.CoreRules]
        : [.. DocumentValidator.CoreRules, NoIntrospectionValidationRule.Instance];

    public async Task HandlePostAsync(HttpContext http)
    {
        if (!http.Request.HasJsonContentType())
        {
            await GraphQLAnswer.ProblemAsync(http, StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported media type", "Send the request as application/json.");
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = await serializer.ReadAsync<GraphQLRequest>(http.Request.Body, http.RequestAborted);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is null)
        {
            await GraphQLAnswer.ProblemAsync(http, StatusCodes.Status400BadRequest, ProblemTypes.InvalidRequest, "Invalid request", "The body is not a GraphQL request: { query, variables, operationName, extensions }.");
            return;
        }

        await ExecuteAsync(http, request, allowMutations: true);
    }

    public async Task HandleGetAsync(HttpContext http)
    {
        GraphQLRequest request;
        try
        {
            var query = http.Request.Query;
            request = new GraphQLRequest
            {
                Query = query["query"].FirstOrDefault(),
                OperationName = query["operationName"].FirstOrDefault(),
                Variables = query["variables"].FirstOrDefault() is { Length: > 0 } variables ? serializer.Deserialize<Inputs>(variables) : null,
                Extensions = query["extensions"].FirstOrDefault() is { Length: > 0 } extensions ? serializer.Deserialize<Inputs>(extensions) : null,
            };
        }
        catch (JsonException)
        {
            await GraphQLAnswer.ProblemAsync(http, StatusCodes.Status400BadRequest, ProblemTypes.InvalidRequest, "Invalid request", "The parameters 'variables' and 'extensions' must be JSON objects.");
            return;
        }

        // GET must not change anything (GraphQL over HTTP): a mutation sent by GET is refused by validation.
        await ExecuteAsync(http, request, allowMutations: false);
    }

    async Task ExecuteAsync(HttpContext http, GraphQLRequest request, bool allowMutations)
    {
        var text = persisted.Resolve(request.Query, request.Extensions);
        if (text.Error is not null)
        {
            await GraphQLAnswer.ErrorAsync(http, serializer, text.Error);
            return;
        }

        if (text.Query!.Length > _options.MaxQueryLength)
        {
            await GraphQLAnswer.ErrorAsync(http, serializer, GraphQLErrors.BadArgument("query", $"is longer than {_options.MaxQueryLength} characters."));
            return;
        }

        // A query asked again with the same variables by a caller with the same rights: its kept answer, if what it was built from still holds.
        var caller = http.Features.Get<Caller>();
        AnswerKey? key = null;
        AnswerReads? reads = null;
        if (answers.Enabled && caller is not null)
        {
            var variables = request.Variables is null ? "" : serializer.Serialize(request.Variables);
            key = new AnswerKey(AnswerRights.Of(caller), !allowMutations, request.OperationName, variables, text.Query);
            if (answers.Find(key) is { } kept)
            {
                // An answer is kept only for a text that ran, so within the guardrails: it may be registered.
                persisted.Register(text);
                await SendKeptAsync(http, kept);
                return;
            }

            reads = new AnswerReads();
            http.Features.Set(reads);
        }

        using var tracked = outcomes.Track(http);

        var deprecated = deprecations.Any ? new HashSet<string>(StringComparer.Ordinal) : null;
        var builtAt = time.GetUtcNow();
        double? measuredCost = null;
        var loaders = new RequestLoaders(catalog, customers, prices, stock, orderDocuments, documentReads, http.CallerActsFor, http.RequestAborted);
        var validated = documents.Find(text.Query);
        // Parsing, validation and execution, the batch loaders' cache lookups and ERP calls beneath it; never the document or its variables.
        using var span = GatewayTracing.Source.StartActivity("graphql execute");
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = text.Query,
            Document = validated,
            OperationName = request.OperationName,
            Variables = request.Variables,
            Extensions = request.Extensions,
            RequestServices = http.RequestServices,
            User = http.User,
            UserContext = new GraphQLRequestContext(http, loaders),
            ValidationRules = validated is null
                ? [.. _documentRules, .. RequestRules(http, allowMutations, c => measuredCost = c, deprecated)]
                : RequestRules(http, allowMutations, c => measuredCost = c, deprecated),
            CancellationToken = http.RequestAborted,
            UnhandledExceptionDelegate = context =>
            {
                // ERP and store failures become field errors with a code; anything else stays GraphQL.NET's generic message.
                context.Exception = GraphQLErrors.FromFailure(context.OriginalException) ?? context.Exception;
                return Task.CompletedTask;
            },
        });

        span?.SetTag(GatewayTracing.GraphQLOperationTypeTag, result.Operation?.Operation == GraphQLParser.AST.OperationType.Mutation ? "mutation" : "query");
        span?.SetTag(GatewayTracing.GraphQLErrorsTag, result.Errors?.Count ?? 0);
        if (result.Executed)
        {
            CountDeprecated(caller, deprecated);
            // Parsed and past every validation rule, depth and cost among them: only now may a registration keep the text.
            persisted.Register(text);
            if (validated is null && result.Document is { } document)
            {
                documents.Remember(text.Query, document);
            }
        }

        if (key is not null && measuredCost is { } spent && Keepable(result) && reads!.Seal() is { } built)
        {
            var body = await GraphQLAnswer.SerializeAsync(serializer, result, http.RequestAborted);
            answers.Keep(key, new KeptAnswer(body, spent, built, answers.ExpiresFrom(builtAt), deprecated is { Count: > 0 } ? [.. deprecated] : []), text.Query.Length);
            await GraphQLAnswer.BodyAsync(http, body);
            return;
        }

        await GraphQLAnswer.ResultAsync(http, serializer, result);
    }

    /// <summary>A kept answer (<see cref="GraphQLKeptAnswers"/>) costs the caller's plan what running the query would have.</summary>
    async Task SendKeptAsync(HttpContext http, KeptAnswer kept)
    {
        if (await cost.ChargeAsync(http, kept.Cost) is { } refused)
        {
            await GraphQLAnswer.ErrorAsync(http, serializer, refused);
            return;
        }

        CountDeprecated(http.Features.Get<Caller>(), kept.DeprecatedFields);

        // RFC 9211, as canonical answers say it.
        GatewayTracing.RecordedRequest(http)?.SetTag(GatewayTracing.KeptAnswerTag, true);
        http.Response.Headers[CacheOutcomeFeature.HeaderName] = CacheOutcomeFeature.Hit;
        await GraphQLAnswer.BodyAsync(http, kept.Body);
    }

    /// <summary>A query's answer that ran to the end without a single error.</summary>
    static bool Keepable(ExecutionResult result) =>
        result.Executed && result.Errors is not { Count: > 0 } && result.Operation?.Operation == GraphQLParser.AST.OperationType.Query;

    /// <summary>Rules whose verdict depends on the request: run every time; with <paramref name="deprecated"/>, the watch of deprecated fields too.</summary>
    IValidationRule[] RequestRules(HttpContext http, bool allowMutations, Action<double> measured, HashSet<string>? deprecated)
    {
        IValidationRule[] rules = allowMutations ? [cost.RuleFor(http, measured)] : [cost.RuleFor(http, measured), QueriesOnly.Instance];
        return deprecated is null ? rules : [.. rules, deprecations.Watch(deprecated)];
    }

    /// <summary>One call per deprecated field an operation that ran selected, however often it selects it.</summary>
    void CountDeprecated(Caller? caller, IReadOnlyCollection<string>? fields)
    {
        if (caller is null || fields is not { Count: > 0 })
        {
            return;
        }

        var callerId = VersionLifecycleMiddleware.CallerIdOf(caller);
        foreach (var field in fields)
        {
            usage.Record(field, callerId, UsageRoute);
        }
    }
}
