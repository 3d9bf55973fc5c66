using System.Diagnostics;

namespace Gateway.IntegrationTests.Fixtures;

/// <summary><c>redis-cli</c> (Debian's redis-tools), for what the fixtures set up and ask outside the gateway's client.</summary>
public static class RedisCli
{
    /// <summary>Runs it to its end; a non-zero exit throws with what it printed.</summary>
    public static async Task<string> RunAsync(string[] arguments) =>
        await TryRunAsync(arguments) ?? throw new InvalidOperationException($"redis-cli {string.Join(' ', arguments)} failed.");

    /// <summary>Runs it to its end; null when it fails (not reachable yet, a command it refuses).</summary>
    public static async Task<string?> TryRunAsync(string[] arguments)
    {
        var start = new ProcessStartInfo("redis-cli") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("redis-cli did not start; is redis-tools installed?");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output;
        await error;
        // redis-cli exits 0 on a server error reply; such a reply is a failure here too.
        return process.ExitCode != 0 || text.StartsWith("ERR", StringComparison.Ordinal) || text.StartsWith("(error)", StringComparison.Ordinal) ? null : text;
    }

    /// <summary>Polls <paramref name="probe"/> until it gives a value, for at most 30 s.</summary>
    public static async Task<T> WaitAsync<T>(Func<Task<T?>> probe, string failure)
        where T : struct
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("Timed out: " + failure + ".");
            }

            await Task.Delay(100);
        }
    }
}
