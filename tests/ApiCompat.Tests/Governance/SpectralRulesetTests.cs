using System.Text.Json;

namespace ApiCompat.Tests.Governance;

/// <summary>tests/governance/.spectral.yaml: the committed documents pass it, and a deliberately failing one does not.</summary>
public sealed class SpectralRulesetTests
{
    static readonly string Spectral = Path.Combine(NodeTool.Folder, "node_modules", ".bin", "spectral");
    static readonly string Ruleset = Path.Combine(NodeTool.Folder, ".spectral.yaml");

    public static TheoryData<string> CommittedDocuments() =>
        [.. Directory.GetFiles(Path.Combine(Repository.Root, "api-specs", "canonical"), "*.json").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(CommittedDocuments))]
    public async Task Lint_CommittedDocument_HasNoErrors(string document)
    {
        NodeTool.RequireInstalled();

        var (exit, output) = await NodeTool.RunAsync(Spectral, "lint", Path.Combine("api-specs", "canonical", document),
            "--ruleset", Ruleset, "--fail-severity", "error", "--display-only-failures");

        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task Lint_DeliberatelyFailingDocument_FailsEveryProjectRule()
    {
        NodeTool.RequireInstalled();

        var (exit, output) = await NodeTool.RunAsync(Spectral, "lint", Path.Combine(NodeTool.Folder, "fixtures", "lint-failing.json"),
            "--ruleset", Ruleset, "--format", "json", "--quiet");

        Assert.NotEqual(0, exit);
        using var results = JsonDocument.Parse(output[output.IndexOf('[', StringComparison.Ordinal)..]);
        var errors = results.RootElement.EnumerateArray()
            .Where(r => r.GetProperty("severity").GetInt32() == 0)
            .Select(r => (Code: r.GetProperty("code").GetString(), Path: string.Join('.', r.GetProperty("path").EnumerateArray().Select(p => p.ToString()))))
            .ToList();
        Assert.Contains(("gateway-problem-json-errors", "paths./v1/widgets.get.responses.400.content"), errors);
        Assert.Contains(("gateway-camel-case-properties", "components.schemas.Widget.properties.unit_price"), errors);
        Assert.Contains(("gateway-camel-case-parameters", "paths./v1/widgets.get.parameters.1.name"), errors);
        Assert.Contains(("gateway-input-string-limit", "paths./v1/widgets.get.parameters.0.schema"), errors);
        Assert.Contains(errors, e => e.Code == "gateway-paged-list");
        Assert.DoesNotContain(errors, e => e.Path.Contains("cursor", StringComparison.Ordinal));
    }
}
