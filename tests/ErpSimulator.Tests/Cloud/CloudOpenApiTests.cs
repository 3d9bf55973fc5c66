using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace ErpSimulator.Tests.Cloud;

/// <summary>The committed api-specs/erp/cloud-erp.json is the document the simulator serves.</summary>
[Collection(SharedSimulator.Name)]
public sealed class CloudOpenApiTests(SimulatorFixture fixture)
{
    private const string Regenerate =
        "Regenerate it with: UPDATE_API_SPECS=1 dotnet test --project tests/ErpSimulator.Tests -- --filter-class \"*CloudOpenApiTests\"";

    [Fact]
    public async Task OpenApiDocument_AsServed_EqualsTheCommittedOne()
    {
        var served = await fixture.Client.GetStringAsync(new Uri("cloud/openapi.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var committedPath = Path.Combine(RepositoryRoot(), "api-specs", "erp", "cloud-erp.json");
        if (Environment.GetEnvironmentVariable("UPDATE_API_SPECS") == "1")
        {
            await File.WriteAllTextAsync(committedPath, served.ReplaceLineEndings("\n").TrimEnd() + "\n", TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(committedPath), $"{committedPath} is missing. {Regenerate}");
        var committed = await File.ReadAllTextAsync(committedPath, TestContext.Current.CancellationToken);
        Assert.True(Normalize(served) == Normalize(committed), $"The served /cloud/openapi.json differs from {committedPath}. {Regenerate}");
    }

    /// <summary>Same JSON, same text: keys sorted, indented, LF line ends.</summary>
    private static string Normalize(string json) => Sorted(JsonNode.Parse(json))!.ToJsonString(new() { WriteIndented = true }).ReplaceLineEndings("\n");

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        _ => node?.DeepClone(),
    };

    /// <summary>Found from this source file's path, so it works wherever the test binaries are.</summary>
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
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
