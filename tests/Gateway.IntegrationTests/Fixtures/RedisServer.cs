using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Gateway.IntegrationTests.Fixtures;

/// <summary>
/// A real <c>redis-server</c> on a free loopback port, owned by the test run: started on construction, killed on dispose.
/// <see cref="StopAsync"/> and <see cref="StartAsync"/> let a test take Redis away and bring it back on the same port;
/// <see cref="Freeze"/> and <see cref="Thaw"/> let it stall Redis with its connections left open.
/// </summary>
public sealed class RedisServer : IAsyncLifetime, IRedisDeployment
{
    readonly string _directory = System.IO.Directory.CreateTempSubdirectory("gateway-redis-").FullName;
    readonly string[] _arguments;
    Process? _process;

    public RedisServer()
        : this(FreePorts.Next())
    {
    }

    /// <param name="port">The port to listen on.</param>
    /// <param name="arguments">More <c>redis-server</c> options (a cluster node's, a replica's).</param>
    public RedisServer(int port, params string[] arguments)
    {
        Port = port;
        _arguments = arguments;
    }

    public int Port { get; }

    /// <summary>The server's working directory (its AOF, a cluster node's <c>nodes.conf</c>).</summary>
    public string Directory => _directory;

    /// <summary>A StackExchange.Redis connection string for the gateway (<c>ConnectionStrings:Redis</c>).</summary>
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000,syncTimeout=2000";

    /// <param name="appendOnly">AOF on, as production runs it for durable order intake.</param>
    public async Task StartAsync(bool appendOnly = false)
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        var start = new ProcessStartInfo("redis-server")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
        [
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", appendOnly ? "yes" : "no",
            "--dir", _directory,
            .. _arguments,
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start; is it installed?");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAcceptingAsync();
    }

    /// <summary>Kills the server at once, as a crash would.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Stops the server's process without ending it (SIGSTOP), as a stalled host, a swapping machine or a long fork does:
    /// its connections stay open and nothing answers on them until <see cref="Thaw"/>.
    /// </summary>
    public void Freeze() => Signal(LinuxProcess.SignalStop);

    /// <summary>Lets a frozen server go on (SIGCONT), with the commands that waited meanwhile.</summary>
    public void Thaw() => Signal(LinuxProcess.SignalContinue);

    void Signal(int signal)
    {
        if (_process is not { HasExited: false } process || !LinuxProcess.Signal(process.Id, signal))
        {
            throw new InvalidOperationException($"Could not signal redis-server ({signal}): errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    async Task WaitUntilAcceptingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                await using var stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray());
                var buffer = new byte[16];
                var read = await stream.ReadAsync(buffer);
                if (read > 0 && buffer[0] == (byte)'+')
                {
                    return;
                }
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && _process is { HasExited: false })
            {
            }

            if (DateTime.UtcNow >= deadline || _process is not { HasExited: false })
            {
                throw new InvalidOperationException($"redis-server did not accept connections on port {Port}.");
            }

            await Task.Delay(50);
        }
    }


    ValueTask IAsyncLifetime.InitializeAsync() => new(StartAsync());

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying server: the temp folder is cleaned by the OS.
        }
    }
}
