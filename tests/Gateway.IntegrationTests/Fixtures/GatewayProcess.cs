using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Gateway.IntegrationTests.Fixtures;

/// <summary>
/// The real gateway as operators run it: <c>dotnet src/Gateway/bin/&lt;Configuration&gt;/net10.0/Gateway.dll --urls ...</c>
/// in a child process, settings as command-line arguments. <see cref="Kill"/> ends it at once, as a crash would.
/// The test project references the gateway project, so building the tests builds that dll in the same configuration.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    const int KeptOutputLines = 200;

    // The first errors the process logged (an error line and those after it), kept whatever it writes later: the
    // exception behind a 500 seen minutes before the test ends has scrolled out of the last lines by then.
    const int KeptErrorLines = 120;
    const int LinesPerError = 30;

    readonly Process _process;
    readonly ConcurrentQueue<string> _output = new();
    readonly ConcurrentQueue<string> _errors = new();
    int _errorLinesLeft;

    GatewayProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 64 }) { BaseAddress = address };
    }

    public Uri Address { get; }

    /// <summary>A client on <see cref="Address"/>.</summary>
    public HttpClient Client { get; }

    /// <summary>The first errors and the last lines the process wrote, for a failing test's message.</summary>
    public string RecentOutput => _errors.IsEmpty
        ? string.Join(Environment.NewLine, _output)
        : string.Join(Environment.NewLine, ["First errors:", .. _errors, "Last lines:", .. _output]);

    /// <param name="settings"><c>key=value</c> pairs such as <c>ConnectionStrings:Redis=127.0.0.1:6379</c>.</param>
    public static async Task<GatewayProcess> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings, CancellationToken cancellationToken = default)
    {
        var dll = GatewayDll();
        var port = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            // appsettings.json is read from the content root, the working directory.
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start the gateway.");
        var gateway = new GatewayProcess(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
        process.OutputDataReceived += (_, line) => gateway.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => gateway.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await gateway.WaitUntilLiveAsync(cancellationToken);
        return gateway;
    }

    /// <summary>The operating system's id of the process (the gateway names its Redis consumers and members after it).</summary>
    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Sends <c>SIGTERM</c>, as Kubernetes or systemd do to stop it: the graceful shutdown begins.</summary>
    public void Terminate() => LinuxProcess.Signal(_process.Id, LinuxProcess.SignalTerminate);

    /// <summary>The exit code once the process has exited by itself.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        return _process.ExitCode;
    }

    /// <summary>Ends the process at once: no graceful shutdown, no flushing, as a crash or an OOM kill would.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    async Task WaitUntilLiveAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The gateway exited at start-up:" + Environment.NewLine + RecentOutput);
            }

            try
            {
                using var response = await Client.GetAsync("health/live", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow >= deadline)
            {
                Kill();
                throw new InvalidOperationException("The gateway did not become live in 30 s:" + Environment.NewLine + RecentOutput);
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            _errorLinesLeft = LinesPerError;
        }

        if (_errorLinesLeft > 0 && _errors.Count < KeptErrorLines)
        {
            _errorLinesLeft--;
            _errors.Enqueue(line);
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    /// <summary>The configuration these tests were built in (<c>Release</c>, <c>Debug</c>), and so the gateway's.</summary>
    internal static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    /// <summary>The folder of <c>Gateway.sln</c>, above the test output.</summary>
    internal static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Gateway.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>src/Gateway/bin/&lt;the configuration these tests were built in&gt;/net10.0/Gateway.dll.</summary>
    static string GatewayDll()
    {
        var dll = Path.Combine(RepositoryRoot(), "src", "Gateway", "bin", BuildConfiguration, new DirectoryInfo(AppContext.BaseDirectory).Name, "Gateway.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the gateway first: " + dll);
    }


    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
