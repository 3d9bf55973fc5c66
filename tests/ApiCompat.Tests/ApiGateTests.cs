using System.Diagnostics;

namespace ApiCompat.Tests;

/// <summary>The gate over a real git repository: a deliberately broken document against its committed base.</summary>
public sealed class ApiGateTests : IDisposable
{
    const string Document = "api-specs/canonical/v1.json";
    const string Approvals = "api-specs/approved-breaks.json";

    static readonly string[] ExpectedBreaks =
    [
        "path-removed at /v1/categories",
        "request-parameter-required at GET /v1/products query:category",
        "enum-narrowed at GET /v1/products query:status",
        "response-property-removed at GET /v1/products 200 application/json items[].packSize",
        "response-property-retyped at GET /v1/products 200 application/json items[].version",
        "success-status-removed at GET /v1/products/{sku} 200",
    ];

    readonly string _repository = Directory.CreateTempSubdirectory("api-compat-").FullName;
    readonly StringWriter _output = new();

    public ApiGateTests()
    {
        Git("init", "-q", "-b", "main");
        Write(Document, Fixture("catalog-base.json"));
        Commit("published v1");
    }

    [Fact]
    public void Run_DeliberatelyBrokenDocument_FailsNamingEveryBreak()
    {
        Write(Document, Fixture("catalog-broken.json"));

        var exit = ApiGate.Run(_repository, "HEAD", "api-specs/canonical", Approvals, _output);

        Assert.Equal(ApiGate.Broken, exit);
        var reported = Reported("BREAKING");
        Assert.Equal(ExpectedBreaks.Order(StringComparer.Ordinal), reported.Select(r => r[..r.IndexOf(": ", StringComparison.Ordinal)]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Run_EveryBreakApproved_Passes()
    {
        Write(Document, Fixture("catalog-broken.json"));
        var locations = ExpectedBreaks.Select(b => b.Split(" at ", 2)).Select(p =>
            $$"""{ "document": "{{Document}}", "rule": "{{p[0]}}", "location": "{{p[1]}}", "reason": "a test approves it" }""");
        Write(Approvals, $$"""{ "breaks": [ {{string.Join(", ", locations)}} ] }""");

        var exit = ApiGate.Run(_repository, "HEAD", "api-specs/canonical", Approvals, _output);

        Assert.Equal(ApiGate.Passed, exit);
        Assert.Equal(ExpectedBreaks.Length, Reported("approved").Count);
    }

    [Fact]
    public void Run_OneBreakLeftUnapproved_Fails()
    {
        Write(Document, Fixture("catalog-broken.json"));
        Write(Approvals, $$"""{ "breaks": [ { "document": "{{Document}}", "rule": "path-removed", "location": "/v1/categories", "reason": "merged into /v1/products" } ] }""");

        var exit = ApiGate.Run(_repository, "HEAD", "api-specs/canonical", Approvals, _output);

        Assert.Equal(ApiGate.Broken, exit);
        Assert.Equal(ExpectedBreaks.Length - 1, Reported("BREAKING").Count);
    }

    [Fact]
    public void Run_UnchangedAndNewDocuments_Pass()
    {
        Write("api-specs/canonical/v2.json", Fixture("catalog-broken.json"));

        var exit = ApiGate.Run(_repository, "HEAD", "api-specs/canonical", Approvals, _output);

        Assert.Equal(ApiGate.Passed, exit);
        Assert.Contains("api-specs/canonical/v2.json is new since HEAD", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DocumentDeleted_Fails()
    {
        File.Delete(Path.Combine(_repository, Document));

        var exit = ApiGate.Run(_repository, "HEAD", "api-specs/canonical", Approvals, _output);

        Assert.Equal(ApiGate.Broken, exit);
        Assert.Equal(["document-removed at api-specs/canonical/v1.json: the document is gone"], Reported("BREAKING"));
    }

    [Fact]
    public void Run_ApprovalWithoutReason_CannotRun()
    {
        Write(Approvals, $$"""{ "breaks": [ { "document": "{{Document}}", "rule": "path-removed", "location": "/v1/categories", "reason": " " } ] }""");

        Assert.Equal(ApiGate.Failed, ApiGate.Run(_repository, "HEAD", "api-specs/canonical", Approvals, _output));
        Assert.Contains("gives no reason", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnknownBaseRevision_CannotRun() =>
        Assert.Equal(ApiGate.Failed, ApiGate.Run(_repository, "no-such-revision", "api-specs/canonical", Approvals, _output));

    public void Dispose()
    {
        _output.Dispose();
        Directory.Delete(_repository, recursive: true);
    }

    List<string> Reported(string kind) =>
        [.. _output.ToString().Split('\n', StringSplitOptions.TrimEntries)
            .Where(l => l.StartsWith($"api-compat: {kind} {Document}: ", StringComparison.Ordinal))
            .Select(l => l[$"api-compat: {kind} {Document}: ".Length..])];

    static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    void Write(string path, string text)
    {
        var full = Path.Combine(_repository, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    void Commit(string message)
    {
        Git("add", "-A");
        Git("-c", "user.name=test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", message);
    }

    void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = _repository, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var git = Process.Start(start)!;
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', arguments)}: {git.StandardError.ReadToEnd()}");
    }
}
