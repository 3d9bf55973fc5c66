namespace ApiCompat.Tests.Governance;

/// <summary>tests/governance/graphql-breaking.mjs: a deliberately broken schema fails unless each break is approved.</summary>
public sealed class GraphQLBreakingTests : IDisposable
{
    const string Document = "api-specs/graphql/schema.graphql";

    static readonly string Script = Path.Combine(NodeTool.Folder, "graphql-breaking.mjs");
    static readonly string Base = Path.Combine(NodeTool.Folder, "fixtures", "schema-base.graphql");
    static readonly string Broken = Path.Combine(NodeTool.Folder, "fixtures", "schema-broken.graphql");

    static readonly (string Rule, string Location)[] Breaks =
    [
        ("FIELD_ARGUMENT_ADDED", "Query.product.customerId"),
        ("FIELD_REMOVED", "Product.listPrice"),
        ("FIELD_TYPE_CHANGED", "Product.name"),
        ("ENUM_VALUE_REMOVED", "ProductStatus.DISCONTINUED"),
    ];

    readonly string _approvals = Path.Combine(Path.GetTempPath(), $"approved-breaks-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task Diff_DeliberatelyBrokenSchema_FailsNamingEveryBreak()
    {
        NodeTool.RequireInstalled();

        var (exit, output) = await NodeTool.RunAsync("node", Script, Base, Broken, Document, _approvals);

        Assert.Equal(1, exit);
        foreach (var (rule, location) in Breaks)
        {
            Assert.Contains($"BREAKING {Document}: {rule} at {location}:", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Diff_EveryBreakApproved_Passes()
    {
        NodeTool.RequireInstalled();
        File.WriteAllText(_approvals, $$"""{ "breaks": [ {{string.Join(", ", Breaks.Select(b => $$"""{ "document": "{{Document}}", "rule": "{{b.Rule}}", "location": "{{b.Location}}", "reason": "a test approves it" }"""))}} ] }""");

        var (exit, output) = await NodeTool.RunAsync("node", Script, Base, Broken, Document, _approvals);

        Assert.True(exit == 0, output);
        Assert.DoesNotContain("BREAKING", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_ApprovalForAnotherDocument_StillFails()
    {
        NodeTool.RequireInstalled();
        File.WriteAllText(_approvals, $$"""{ "breaks": [ {{string.Join(", ", Breaks.Select(b => $$"""{ "document": "api-specs/graphql/other.graphql", "rule": "{{b.Rule}}", "location": "{{b.Location}}", "reason": "r" }"""))}} ] }""");

        var (exit, _) = await NodeTool.RunAsync("node", Script, Base, Broken, Document, _approvals);

        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task Diff_CommittedSchemaAgainstItself_Passes()
    {
        NodeTool.RequireInstalled();
        var schema = Path.Combine(Repository.Root, "api-specs", "graphql", "schema.graphql");

        var (exit, output) = await NodeTool.RunAsync("node", Script, schema, schema, Document, _approvals);

        Assert.True(exit == 0, output);
    }

    public void Dispose() => File.Delete(_approvals);
}
