using System.Diagnostics;
using System.Globalization;

namespace Gateway.IntegrationTests.Fixtures;

/// <summary>
/// A primary, its replica and three <c>redis-sentinel</c> processes (quorum 2) from the Debian packages, on free loopback
/// ports; the gateway reaches the primary through the sentinels (<c>serviceName=</c>). Both servers run with the
/// durability settings the README asks of an operator: AOF, and writes refused unless a replica is connected.
/// <see cref="FailoverAsync"/> forces <c>SENTINEL FAILOVER</c> and waits until every sentinel names the new primary.
/// </summary>
public sealed class RedisSentinel : IRedisDeployment
{
    public const string ServiceName = "gateway";
    const int Sentinels = 3;

    static readonly string[] Durability = ["--appendfsync", "everysec", "--min-replicas-to-write", "1", "--min-replicas-max-lag", "10"];

    readonly RedisServer _first;
    readonly RedisServer _second;
    readonly List<(int Port, Process Process, string Directory)> _sentinels = [];

    RedisSentinel()
    {
        _first = new RedisServer(FreePorts.Next(), Durability);
        var port = FreePorts.Next();
        _second = new RedisServer(port, [.. Durability, "--replicaof", "127.0.0.1", _first.Port.ToString(CultureInfo.InvariantCulture)]);
    }

    /// <summary>The sentinels and the service name: the client asks them for the primary and follows a failover.</summary>
    public string ConnectionString =>
        string.Join(',', _sentinels.Select(s => "127.0.0.1:" + s.Port.ToString(CultureInfo.InvariantCulture)))
        + ",serviceName=" + ServiceName + ",abortConnect=false,connectTimeout=2000,syncTimeout=2000";

    /// <summary>A direct connection string to whichever server is the primary now (for the test's own checks).</summary>
    public async Task<int> PrimaryPortAsync()
    {
        var answer = await RedisCli.RunAsync(["-p", _sentinels[0].Port.ToString(CultureInfo.InvariantCulture), "sentinel", "get-master-addr-by-name", ServiceName]);
        return int.Parse(answer.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Trim(), CultureInfo.InvariantCulture);
    }

    public static async Task<RedisSentinel> StartAsync()
    {
        var deployment = new RedisSentinel();
        try
        {
            await deployment._first.StartAsync(appendOnly: true);
            await deployment._second.StartAsync(appendOnly: true);
            for (var i = 0; i < Sentinels; i++)
            {
                deployment._sentinels.Add(StartSentinel(deployment._first.Port));
            }

            await deployment.WaitUntilReadyAsync();
            return deployment;
        }
        catch
        {
            await deployment.DisposeAsync();
            throw;
        }
    }

    /// <summary>Forces a failover (the replica becomes the primary) and waits until every sentinel names it.</summary>
    /// <returns>The new primary's port.</returns>
    public async Task<int> FailoverAsync()
    {
        var before = await PrimaryPortAsync();
        await RedisCli.RunAsync(["-p", _sentinels[0].Port.ToString(CultureInfo.InvariantCulture), "sentinel", "failover", ServiceName]);
        return await RedisCli.WaitAsync(async () =>
        {
            var ports = new List<int>();
            foreach (var sentinel in _sentinels)
            {
                var answer = await RedisCli.RunAsync(["-p", sentinel.Port.ToString(CultureInfo.InvariantCulture), "sentinel", "get-master-addr-by-name", ServiceName]);
                ports.Add(int.Parse(answer.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1].Trim(), CultureInfo.InvariantCulture));
            }

            var role = await RedisCli.RunAsync(["-p", ports[0].ToString(CultureInfo.InvariantCulture), "role"]);
            return ports.All(p => p == ports[0]) && ports[0] != before && role.StartsWith("master", StringComparison.Ordinal) ? ports[0] : (int?)null;
        }, "the failover did not complete");
    }

    static (int, Process, string) StartSentinel(int primaryPort)
    {
        var port = FreePorts.Next();
        var directory = Directory.CreateTempSubdirectory("gateway-sentinel-").FullName;
        var config = Path.Combine(directory, "sentinel.conf");
        File.WriteAllText(config, string.Join('\n',
            "port " + port.ToString(CultureInfo.InvariantCulture),
            "bind 127.0.0.1",
            "dir " + directory,
            "sentinel monitor " + ServiceName + " 127.0.0.1 " + primaryPort.ToString(CultureInfo.InvariantCulture) + " 2",
            "sentinel down-after-milliseconds " + ServiceName + " 3000",
            "sentinel failover-timeout " + ServiceName + " 10000",
            "sentinel parallel-syncs " + ServiceName + " 1",
            ""));
        var start = new ProcessStartInfo("redis-sentinel") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(config);
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-sentinel did not start; is it installed?");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (port, process, directory);
    }

    /// <summary>Every sentinel knows the replica and the other two, and the replica is in sync.</summary>
    Task<bool> WaitUntilReadyAsync() => RedisCli.WaitAsync(async () =>
    {
        foreach (var sentinel in _sentinels)
        {
            var port = sentinel.Port.ToString(CultureInfo.InvariantCulture);
            var quorum = await RedisCli.TryRunAsync(["-p", port, "sentinel", "ckquorum", ServiceName]);
            var replicas = await RedisCli.TryRunAsync(["-p", port, "sentinel", "replicas", ServiceName]);
            if (quorum is null || !quorum.Contains(Sentinels.ToString(CultureInfo.InvariantCulture) + " usable", StringComparison.Ordinal)
                || replicas is null || !replicas.Contains(_second.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))
            {
                return (bool?)null;
            }
        }

        var replication = await RedisCli.RunAsync(["-p", _second.Port.ToString(CultureInfo.InvariantCulture), "info", "replication"]);
        return replication.Contains("master_link_status:up", StringComparison.Ordinal) ? true : null;
    }, "the sentinels did not see the primary, the replica and each other");

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, process, directory) in _sentinels)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a dying sentinel: the temp folder is cleaned by the OS.
            }
        }

        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }
}
