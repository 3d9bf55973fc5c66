using StackExchange.Redis;

namespace Gateway.Edge.RateLimiting;

/// <summary>
/// The limiter's own Redis connection, so that cache or event traffic never queues ahead of the hottest path.
/// Null <see cref="Database"/> until connected, and always null in the embedded mode.
/// </summary>
internal sealed class LimitsRedisConnection(string? connectionString, EdgeLimitsOptions options) : IAsyncDisposable
{
    ConnectionMultiplexer? _multiplexer;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(connectionString);

    public IDatabase? Database => _multiplexer?.GetDatabase();

    public bool IsConnected => _multiplexer?.IsConnected == true;

    /// <summary>Connects once; an unreachable Redis is not an error here, the multiplexer keeps reconnecting.</summary>
    public async Task ConnectAsync(TextWriter? log = null)
    {
        if (!IsConfigured || _multiplexer is not null)
        {
            return;
        }

        var configuration = ConfigurationOptions.Parse(connectionString!);
        configuration.AbortOnConnectFail = false;
        // Queued commands would hold requests while Redis is away; failing fast sends them to the local share.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        var timeout = (int)options.RedisTimeout.TotalMilliseconds;
        configuration.AsyncTimeout = Math.Min(configuration.AsyncTimeout, timeout);
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, Math.Max(timeout, 1000));
        configuration.ClientName ??= "gateway-limits";
        _multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration, log);
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync();
        }
    }
}
