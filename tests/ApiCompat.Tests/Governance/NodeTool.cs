using System.Diagnostics;

namespace ApiCompat.Tests.Governance;

/// <summary>Runs a tool of tests/governance (installed there by <c>npm ci</c>, which tests/governance/run.sh does first).</summary>
internal static class NodeTool
{
    public static string Folder { get; } = Path.Combine(Repository.Root, "tests", "governance");

    /// <summary>Skips the calling test, saying why, when the npm packages are not installed (npm unreachable).</summary>
    public static void RequireInstalled()
    {
        if (!File.Exists(Path.Combine(Folder, "node_modules", ".bin", "spectral")) || !Directory.Exists(Path.Combine(Folder, "node_modules", "@graphql-inspector", "core")))
        {
            Assert.Skip("tests/governance/node_modules is missing: npm ci has not run there (tests/governance/run.sh runs it; npm unreachable?)");
        }
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = Repository.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }
}
