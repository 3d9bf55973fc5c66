using System.Diagnostics;

namespace Gateway.IntegrationTests.Fixtures;

/// <summary>
/// Prometheus's <c>promtool</c> (Debian's <c>prometheus</c> package, which <c>tests/run.sh</c> installs on a fresh
/// machine); where it is still missing, the tests that need it skip saying so.
/// </summary>
internal static class Promtool
{
    static readonly string? Path = Find();

    /// <summary>Runs <c>promtool <paramref name="arguments"/></c> in <paramref name="directory"/>, with <paramref name="input"/> on stdin.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string directory, string? input, params string[] arguments)
    {
        if (Path is null)
        {
            Assert.Skip("promtool is missing: install Debian's prometheus package (tests/run.sh does on a fresh machine).");
        }

        var start = new ProcessStartInfo(Path) { WorkingDirectory = directory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "promtool"))
            .FirstOrDefault(File.Exists);
}
