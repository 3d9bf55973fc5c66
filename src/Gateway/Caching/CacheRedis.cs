using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Caching;

/// <summary>
/// The cache's and the change stream's side of the shared <see cref="RedisConnection"/>: their commands, bounded by
/// <see cref="CachingOptions.RedisTimeout"/>, and whether Redis is reachable now. Commands fail fast while it is away,
/// so requests carry on from L1 and the ERPs; when it returns, <see cref="Restored"/> tells the cache when the outage began.
/// </summary>
internal sealed class CacheRedis(RedisConnection connection, CachingOptions options, TimeProvider time, ILogger<CacheRedis> logger)
{
    readonly Lock _lock = new();
    DateTimeOffset? _downSince;
    int _watching;

    /// <summary>False in the embedded mode (no <c>ConnectionStrings:Redis</c>).</summary>
    public bool IsConfigured => connection.IsConfigured;

    /// <summary>Null until connected, and always in the embedded mode.</summary>
    public IDatabase? Database => connection.Database;

    /// <summary>The shared multiplexer (which knows the cluster's slots); null as <see cref="Database"/>.</summary>
    public IConnectionMultiplexer? Multiplexer => connection.Multiplexer;

    public ISubscriber? Subscriber => connection.Multiplexer?.GetSubscriber();

    /// <summary>When Redis became unreachable; null while it answers.</summary>
    public DateTimeOffset? DownSince
    {
        get
        {
            lock (_lock)
            {
                return _downSince;
            }
        }
    }

    public string? LastError { get; private set; }

    /// <summary>Raised once per outage when Redis answers again, with the moment the outage began.</summary>
    public event Action<DateTimeOffset>? Restored;

    /// <summary>
    /// Waits for the shared connection about as long as one cache command may take, so that with Redis up
    /// the first requests already use L2; not connected by then starts an outage, which the first answer ends.
    /// </summary>
    public async Task ConnectAsync()
    {
        if (!IsConfigured)
        {
            return;
        }

        if (await connection.ConnectAsync(options.RedisTimeout) is null)
        {
            ReportFailure(null);
        }

        _ = WatchAsync();
    }

    /// <summary>A command bounded by <see cref="CachingOptions.RedisTimeout"/> (the shared multiplexer's own timeout is longer).</summary>
    public Task<T> Bounded<T>(Task<T> command) => command.WaitAsync(options.RedisTimeout);

    /// <inheritdoc cref="Bounded{T}(Task{T})"/>
    public Task Bounded(Task command) => command.WaitAsync(options.RedisTimeout);

    /// <summary>Once the shared multiplexer exists (it may still be connecting): a lost connection starts an outage at once.</summary>
    async Task WatchAsync()
    {
        if (Interlocked.Exchange(ref _watching, 1) == 1)
        {
            return;
        }

        try
        {
            var multiplexer = await connection.ConnectAsync();
            multiplexer.ConnectionFailed += (_, failed) => ReportFailure(failed.Exception);
        }
        catch (Exception exception) when (RedisFailures.IsFailure(exception))
        {
            // Disposed while connecting: the host is stopping.
        }
    }

    /// <summary>A command failed for want of Redis: the outage starts now unless it already had.</summary>
    public void ReportFailure(Exception? exception)
    {
        lock (_lock)
        {
            LastError = exception?.GetType().Name ?? "not connected";
            if (_downSince is not null)
            {
                return;
            }

            _downSince = time.GetUtcNow();
        }

        Log.RedisLost(logger, LastError);
    }

    /// <summary>A command succeeded: ends the outage, if there was one.</summary>
    public void ReportSuccess()
    {
        DateTimeOffset since;
        lock (_lock)
        {
            if (_downSince is not { } down)
            {
                return;
            }

            since = down;
            _downSince = null;
        }

        Log.RedisRestored(logger, since);
        Restored?.Invoke(since);
    }
}
