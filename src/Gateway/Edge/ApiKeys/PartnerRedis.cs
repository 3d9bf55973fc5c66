using StackExchange.Redis;

namespace Gateway.Edge.ApiKeys;

/// <summary>
/// The Redis connection of partner keys, the admin API's audit stream and key invalidation (pub/sub).
/// Connected at start-up by <see cref="KeyInvalidation"/>; an unreachable Redis is retried by the multiplexer.
/// </summary>
internal sealed class PartnerRedis(string? connectionString) : IAsyncDisposable
{
    readonly SemaphoreSlim _connecting = new(1, 1);
    ConnectionMultiplexer? _multiplexer;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(connectionString);

    public async Task<ConnectionMultiplexer> ConnectAsync()
    {
        if (_multiplexer is { } ready)
        {
            return ready;
        }

        await _connecting.WaitAsync();
        try
        {
            if (_multiplexer is null)
            {
                var configuration = ConfigurationOptions.Parse(connectionString!);
                configuration.AbortOnConnectFail = false;
                configuration.ClientName ??= "gateway-partners";
                // Queued commands would hold requests while Redis is away; failing fast lets cached keys answer.
                configuration.BacklogPolicy = BacklogPolicy.FailFast;
                _multiplexer = await ConnectionMultiplexer.ConnectAsync(configuration);
            }

            return _multiplexer;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async Task<IDatabase> DatabaseAsync() => (await ConnectAsync()).GetDatabase();

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync();
        }

        _connecting.Dispose();
    }
}
