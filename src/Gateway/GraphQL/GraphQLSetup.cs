using System.Text.Encodings.Web;
using Gateway.GraphQL.Deprecations;
using Gateway.GraphQL.Endpoint;
using Gateway.GraphQL.GraphiQL;
using Gateway.GraphQL.Guardrails;
using Gateway.GraphQL.PersistedQueries;
using Gateway.GraphQL.Schema;
using GraphQL;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.GraphQL;

public static class GraphQLSetup
{
    public const string Path = "/graphql";

    /// <summary>The schema (GraphQL.NET 8, System.Text.Json), its guardrails (<see cref="GraphQLOptions"/>) and the persisted queries.</summary>
    public static IHostApplicationBuilder AddGatewayGraphQL(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<GraphQLOptions>().BindConfiguration(GraphQLOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.PersistedQueriesPath is null || Directory.Exists(o.PersistedQueriesPath), "GraphQL:PersistedQueriesPath must be an existing folder.")
            .Validate(o => !o.PersistedQueriesOnly || o.PersistedQueriesPath is not null, "GraphQL:PersistedQueriesOnly needs GraphQL:PersistedQueriesPath: the allow-list.")
            .ValidateOnStart();

        services.AddGraphQL(graphQL => graphQL
            .AddSchema<GatewaySchema>()
            .AddGraphTypes(typeof(GatewaySchema).Assembly)
            // '+' in a DateTimeOffset stays '+', not \u002B: answers are JSON for API clients, never inlined into HTML.
            .AddSystemTextJson(json => json.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            .AddErrorInfoProvider<GatewayErrorInfoProvider>());

        services.AddSingleton(sp => new PersistedQueryStore(sp.GetRequiredService<IOptions<GraphQLOptions>>().Value));
        services.AddSingleton(sp => new PersistedQueryProtocol(sp.GetRequiredService<PersistedQueryStore>(), sp.GetRequiredService<IOptions<GraphQLOptions>>().Value));
        services.AddSingleton<QueryCost>();
        services.AddSingleton<ValidatedDocuments>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GraphQLKeptAnswers>();
        services.AddSingleton<FieldDeprecations>();
        services.AddSingleton<GraphQLEndpoint>();
        return builder;
    }

    /// <summary><c>POST /graphql</c>, <c>GET /graphql</c> (queries only), the SDL and GraphiQL (<c>/graphql/playground</c>, the route the earlier playground had).</summary>
    public static WebApplication MapGatewayGraphQL(this WebApplication app)
    {
        var endpoint = app.Services.GetRequiredService<GraphQLEndpoint>();
        var graphQL = app.MapGroup(Path).ExcludeFromDescription();
        // Any authenticated caller may ask; each field then checks its own scope, so one query can mix what it may see.
        graphQL.MapPost("", endpoint.HandlePostAsync).RequireAuthorization();
        graphQL.MapGet("", endpoint.HandleGetAsync).RequireAuthorization();
        graphQL.MapGet("/schema.graphql", (GatewaySchema schema, IOptions<GraphQLOptions> options) => options.Value.Introspection
            ? Results.Text(SchemaSdl.Print(schema), "text/plain; charset=utf-8")
            : Results.NotFound());
        graphQL.MapGet("/playground", GraphiQLPage.Page);
        graphQL.MapGet("/playground/{file}", GraphiQLPage.Asset);
        return app;
    }
}
