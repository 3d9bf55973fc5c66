using System.Runtime.CompilerServices;
using Gateway.ChannelEvents;

namespace Gateway.Tests.ChannelEvents;

/// <summary>The committed api-specs/events/channel-events.schema.json is the schema of the payloads the code writes.</summary>
public sealed class ChannelEventSchemaTests
{
    const string Regenerate =
        "If the change is intended, regenerate it with: UPDATE_API_SPECS=1 dotnet test --project tests/Gateway.Tests -c Release -- --filter-class \"*ChannelEventSchemaTests\" and commit the diff.";

    [Fact]
    public async Task Build_Always_EqualsTheCommittedSchema()
    {
        var committedPath = Path.Combine(RepositoryRoot(), "api-specs", "events", "channel-events.schema.json");
        var generated = ChannelEventSchema.Text();
        if (Environment.GetEnvironmentVariable("UPDATE_API_SPECS") == "1")
        {
            await File.WriteAllTextAsync(committedPath, generated, TestContext.Current.CancellationToken);
        }

        Assert.True(File.Exists(committedPath), $"{committedPath} is missing. {Regenerate}");
        var committed = (await File.ReadAllTextAsync(committedPath, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n");
        Assert.True(generated == committed, $"The channel events' payloads differ from {committedPath}. {Regenerate}");
    }

    [Fact]
    public void Build_EveryType_HasConstantTypeAndVersionAndRequiredEnvelope()
    {
        var sut = ChannelEventSchema.Build();

        foreach (var (type, _) in ChannelEventTypes.All)
        {
            var definition = sut["$defs"]![type]!;
            Assert.Equal(type, (string?)definition["properties"]!["type"]!["const"]);
            Assert.Equal(ChannelEventTypes.Version, (int?)definition["properties"]!["version"]!["const"]);
            Assert.Equal(["type", "version", "id", "occurredAt", "data"], definition["required"]!.AsArray().Select(r => (string?)r));
        }
    }

    static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        for (var dir = new FileInfo(sourceFile).Directory; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Gateway.sln) was not found above " + sourceFile);
    }
}
