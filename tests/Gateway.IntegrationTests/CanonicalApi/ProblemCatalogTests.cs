using System.Reflection;
using System.Text.RegularExpressions;
using Gateway.CanonicalApi.Problems;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.CanonicalApi;

/// <summary>
/// <see cref="ProblemTypes"/> is the one catalog of problem types: <c>api-specs/problems.md</c> lists exactly its types,
/// and no other source file spells a problem URI of its own.
/// </summary>
public sealed partial class ProblemCatalogTests
{
    static readonly string Root = GatewayProcess.RepositoryRoot();

    static IEnumerable<string> Catalog() =>
        typeof(ProblemTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!);

    [Fact]
    public void Problems_md_lists_exactly_the_catalogs_types()
    {
        var documented = ProblemUri().Matches(File.ReadAllText(Path.Combine(Root, "api-specs", "problems.md")))
            .Select(match => match.Value)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(Catalog().Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_source_file_but_the_catalog_spells_a_problem_uri()
    {
        var catalog = Path.Combine(Root, "src", "Gateway", "CanonicalApi", "Problems", "ProblemTypes.cs");
        var spelled = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => path != catalog && File.ReadAllText(path).Contains("gateway.example/problems", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(Root, path));

        Assert.Empty(spelled);
    }

    [GeneratedRegex(@"https://gateway\.example/problems/[a-z-]+")]
    private static partial Regex ProblemUri();
}
