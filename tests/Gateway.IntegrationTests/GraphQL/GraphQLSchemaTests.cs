using System.Runtime.CompilerServices;
using Gateway.GraphQL.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>The committed api-specs/graphql/schema.graphql is the schema the gateway serves.</summary>
[Collection(GraphQLTests.Name)]
public sealed class GraphQLSchemaTests(GraphQLGateway gateway)
{
    const string Regenerate =
        "Regenerate it with: UPDATE_API_SPECS=1 dotnet test --project tests/Gateway.IntegrationTests -- --filter-class \"*GraphQLSchemaTests\"";

    [Fact]
    public async Task Served_schema_equals_the_committed_sdl()
    {
        var served = SchemaSdl.Print(gateway.Services().GetRequiredService<GatewaySchema>());
        var committedPath = Path.Combine(RepositoryRoot(), "api-specs", "graphql", "schema.graphql");
        if (Environment.GetEnvironmentVariable("UPDATE_API_SPECS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(committedPath)!);
            await File.WriteAllTextAsync(committedPath, served, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(committedPath), $"{committedPath} is missing. {Regenerate}");
        var committed = (await File.ReadAllTextAsync(committedPath, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");
        Assert.True(served == committed, $"The served schema differs from {committedPath}. {Regenerate}");
    }

    [Fact]
    public async Task Schema_is_served_as_sdl_while_introspection_is_on()
    {
        var served = await gateway.Client().GetStringAsync(new Uri("/graphql/schema.graphql", UriKind.Relative), TestContext.Current.CancellationToken);
        using var off = await gateway.Client("GraphQL:Introspection=false")
            .GetAsync(new Uri("/graphql/schema.graphql", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("type Product {", served, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, off.StatusCode);
    }

    /// <summary>Found from this source file's path, so it works wherever the test binaries are.</summary>
    static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        for (var dir = new FileInfo(sourceFile).Directory; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Gateway.sln not found above " + sourceFile);
    }
}
