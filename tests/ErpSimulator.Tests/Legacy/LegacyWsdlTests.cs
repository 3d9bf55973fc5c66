using System.Text.RegularExpressions;
using ErpSimulator.Tests.Legacy.Client;

namespace ErpSimulator.Tests.Legacy;

/// <summary>The committed api-specs/erp/legacy-erp.wsdl is the WSDL the simulator serves, to the byte.</summary>
[Collection(SharedSimulator.Name)]
public sealed partial class LegacyWsdlTests(SimulatorFixture fixture)
{
    private const string RegenerateVariable = "REGENERATE_LEGACY_WSDL";
    private const string Regenerate =
        $"Regenerate it with: {RegenerateVariable}=1 dotnet test --project tests/ErpSimulator.Tests -- --filter-class \"*LegacyWsdlTests\"";

    [Fact]
    public async Task Wsdl_AsServed_IsTheCommittedOne()
    {
        var ct = TestContext.Current.CancellationToken;
        var served = Normalize(await fixture.Client.GetStringAsync(LegacyWire.Path.TrimStart('/') + "?wsdl", ct));
        var path = Path.Combine(RepositoryRoot(), "api-specs", "erp", "legacy-erp.wsdl");

        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served, ct);
        }

        Assert.True(File.Exists(path), $"{path} is missing. {Regenerate}");
        var committed = await File.ReadAllTextAsync(path, ct);
        Assert.True(committed == served, $"The served WSDL differs from {path}. If the contract change is intended: {Regenerate}");
    }

    /// <summary>The service address carries the test's random port; the committed file shows the default one.</summary>
    private static string Normalize(string wsdl) =>
        LocalAddress().Replace(wsdl, "http://127.0.0.1:9080/").ReplaceLineEndings("\n").TrimEnd() + "\n";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/")]
    private static partial Regex LocalAddress();
}
