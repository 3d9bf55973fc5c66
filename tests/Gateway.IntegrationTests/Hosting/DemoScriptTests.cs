using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Gateway.IntegrationTests.Caching;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Hosting;

/// <summary>
/// <c>deploy/demo.sh</c> as a developer or a supervisor runs it: the simulator and the gateway as its children. A
/// SIGTERM to the script (a supervisor stopping it, <c>timeout</c>, a closed terminal) must stop both, as Ctrl+C does;
/// the script once ran the gateway in the foreground, so bash held the trap until the gateway exited by itself.
/// </summary>
public sealed class DemoScriptTests
{
    static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(120);
    static readonly TimeSpan StopDeadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Sigterm_to_the_demo_script_stops_the_simulator_and_the_gateway()
    {
        var ct = TestContext.Current.CancellationToken;
        var gatewayUrl = $"http://127.0.0.1:{FreePorts.Next()}";
        var output = new ConcurrentQueue<string>();
        using var script = StartScript(gatewayUrl, output);
        List<LinuxProcess> hosts = [];
        try
        {
            Assert.True(await GatewayIsLiveAsync(script, gatewayUrl, ct), "the demo's gateway did not become live:" + Environment.NewLine + string.Join(Environment.NewLine, output));
            hosts = [.. LinuxProcess.ChildrenOf(script.Id, "/ErpSimulator.dll"), .. LinuxProcess.ChildrenOf(script.Id, "/Gateway.dll")];
            Assert.Equal(2, hosts.Count);

            Assert.True(LinuxProcess.Signal(script.Id, LinuxProcess.SignalTerminate));

            var deadline = DateTime.UtcNow + StopDeadline;
            while ((!script.HasExited || hosts.Any(h => h.IsRunning)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, ct);
            }

            Assert.True(script.HasExited, "the script is still running");
            Assert.Empty(hosts.Where(h => h.IsRunning).Select(h => h.CommandLine));
            Assert.Equal(143, script.ExitCode);
        }
        finally
        {
            // Only what this test started: the script and the two hosts it found under it.
            if (!script.HasExited)
            {
                script.Kill(entireProcessTree: true);
            }

            foreach (var host in hosts.Where(h => h.IsRunning))
            {
                LinuxProcess.Signal(host.Id, LinuxProcess.SignalKill);
            }
        }
    }

    /// <summary>
    /// The script with free ports. The test run's build has just built both hosts, so in Release (the configuration the
    /// script starts) it skips its own two builds; in another configuration it builds Release itself, slowly.
    /// </summary>
    static Process StartScript(string gatewayUrl, ConcurrentQueue<string> output)
    {
        var root = GatewayProcess.RepositoryRoot();
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(root, "deploy", "demo.sh"));
        start.Environment["SIM_URL"] = $"http://127.0.0.1:{FreePorts.Next()}";
        start.Environment["GATEWAY_URL"] = gatewayUrl;
        if (GatewayProcess.BuildConfiguration == "Release")
        {
            start.Environment["DEMO_SKIP_BUILD"] = "1";
        }

        var script = Process.Start(start) ?? throw new InvalidOperationException("bash did not start deploy/demo.sh.");
        script.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        script.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        return script;
    }

    static async Task<bool> GatewayIsLiveAsync(Process script, string gatewayUrl, CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = new Uri(gatewayUrl) };
        var deadline = DateTime.UtcNow + StartDeadline;
        while (!script.HasExited && DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/health/live", UriKind.Relative), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, ct);
        }

        return false;
    }
}
