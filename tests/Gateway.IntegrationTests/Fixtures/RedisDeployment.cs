namespace Gateway.IntegrationTests.Fixtures;

/// <summary>How the Redis of a test is deployed: the tests that exercise each Redis feature run on both.</summary>
public enum RedisKind
{
    /// <summary>One <c>redis-server</c> (<see cref="RedisServer"/>).</summary>
    OneServer,

    /// <summary>A 3-primary Redis Cluster (<see cref="RedisCluster"/>).</summary>
    Cluster,
}

/// <summary>A running Redis, of whichever kind, for <c>ConnectionStrings:Redis</c>.</summary>
public interface IRedisDeployment : IAsyncDisposable
{
    /// <summary>A StackExchange.Redis connection string for the gateway and for the test's own checks.</summary>
    string ConnectionString { get; }
}

/// <summary>Starts the Redis a theory names.</summary>
public static class RedisDeployment
{
    /// <summary>Theory data: once on a single server, once on a cluster.</summary>
    public static TheoryData<RedisKind> Both => [RedisKind.OneServer, RedisKind.Cluster];

    /// <param name="kind">Which deployment.</param>
    /// <param name="appendOnly">AOF on every server, as production runs it for durable order intake.</param>
    public static async Task<IRedisDeployment> StartAsync(RedisKind kind, bool appendOnly = false)
    {
        if (kind == RedisKind.Cluster)
        {
            return await RedisCluster.StartAsync(appendOnly);
        }

        var server = new RedisServer();
        try
        {
            await server.StartAsync(appendOnly);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}
