using System.Globalization;

namespace Gateway.IntegrationTests.Fixtures;

/// <summary>
/// A real 3-primary Redis Cluster from the same Debian package: three <c>redis-server --cluster-enabled yes</c> on free
/// loopback ports (each with its bus port, +10000, free too), joined by <c>redis-cli --cluster create</c> without
/// replicas, ready once every node reports <c>cluster_state:ok</c> and knows the other two.
/// </summary>
public sealed class RedisCluster : IRedisDeployment
{
    const int Primaries = 3;
    readonly RedisServer[] _nodes;

    RedisCluster(RedisServer[] nodes) => _nodes = nodes;

    /// <summary>Every node, so the client learns the slot map from whichever answers first.</summary>
    public string ConnectionString =>
        string.Join(',', _nodes.Select(n => "127.0.0.1:" + n.Port.ToString(CultureInfo.InvariantCulture)))
        + ",abortConnect=false,connectTimeout=2000,syncTimeout=2000";

    public static async Task<RedisCluster> StartAsync(bool appendOnly = false)
    {
        int[] ports = [.. Enumerable.Range(0, Primaries).Select(_ => FreePorts.ClusterNode())];
        var cluster = new RedisCluster([.. ports.Select(port => new RedisServer(
            port, "--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "3000"))]);
        try
        {
            await Task.WhenAll(cluster._nodes.Select(n => n.StartAsync(appendOnly)));
            await RedisCli.RunAsync(["--cluster", "create", .. ports.Select(p => "127.0.0.1:" + p.ToString(CultureInfo.InvariantCulture)), "--cluster-replicas", "0", "--cluster-yes"]);
            await cluster.WaitUntilReadyAsync();
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    async Task WaitUntilReadyAsync()
    {
        foreach (var node in _nodes)
        {
            await RedisCli.WaitAsync(async () =>
            {
                var info = await RedisCli.RunAsync(["-p", node.Port.ToString(CultureInfo.InvariantCulture), "cluster", "info"]);
                return info.Contains("cluster_state:ok", StringComparison.Ordinal)
                    && info.Contains("cluster_known_nodes:" + Primaries.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) ? true : (bool?)null;
            }, "the Redis Cluster did not become ready");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }
}
