using StackExchange.Redis;

namespace Gateway.Caching;

/// <summary>
/// The Redis connection of the cache and the change stream (its own, so that cache traffic never queues behind the
/// limiter's), and whether Redis is reachable now. Commands fail fast while it is away, so requests carry on from L1
/// and the ERPs; when it returns, <see cref="Restored"/> tells the cache when the outage began.
/// </summary>
internal sealed class CacheRedis(string? connectionString, CachingOptions options, TimeProvider time, ILogger<CacheRedis> logger) : IAsyncDisposable
{
    readonly Lock _lock = new();
    ConnectionMultiplexer? _multiplexer;
    DateTimeOffset? _downSince;

    /// <summary>False in the embedded mode (no <c>ConnectionStrings:Redis</c>).</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(connectionString);

    /// <summary>Null until connected, and always in the embedded mode.</summary>
    public IDatabase? Database => _multiplexer?.GetDatabase();

    public ISubscriber? Subscriber => _multiplexer?.GetSubscriber();

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

    public async Task ConnectAsync()
    {
        if (!IsConfigured || _multiplexer is not null)
        {
            return;
        }

        var configuration = ConfigurationOptions.Parse(connectionString!);
        configuration.AbortOnConnectFail = false;
        // Queued commands would hold requests while Redis is away; failing fast sends them to L1 and the ERPs.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        var timeout = (int)options.RedisTimeout.TotalMilliseconds;
        configuration.AsyncTimeout = Math.Min(configuration.AsyncTimeout, timeout);
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, Math.Max(timeout, 1000));
        configuration.ClientName ??= "gateway-cache";
        var multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
        multiplexer.ConnectionFailed += (_, failed) => ReportFailure(failed.Exception);
        _multiplexer = multiplexer;
        if (!multiplexer.IsConnected)
        {
            ReportFailure(null);
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

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync();
        }
    }
}
