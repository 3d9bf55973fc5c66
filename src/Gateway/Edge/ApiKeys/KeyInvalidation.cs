using StackExchange.Redis;

namespace Gateway.Edge.ApiKeys;

/// <summary>
/// Tells every instance that a key changed (issued, rotated, revoked) over the Redis channel <c>{prefix}:changed</c>, and
/// drops this instance's cached copy when any instance says so. After a reconnect the whole cache is dropped, since
/// messages sent meanwhile were lost. Without Redis there is one instance and only its own cache to drop.
/// </summary>
internal sealed class KeyInvalidation(PartnerRedis redis, PartnerKeyCache cache, ApiKeysOptions options, ILogger<KeyInvalidation> logger)
    : IHostedService, IDisposable
{
    static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    readonly CancellationTokenSource _stopping = new();
    Task _listening = Task.CompletedTask;

    RedisChannel Channel => RedisChannel.Literal($"{options.KeyPrefix}:changed");

    /// <summary>Starts listening in the background: a Redis not reachable yet must not keep the gateway from starting.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (redis.IsConfigured)
        {
            _listening = ListenAsync(_stopping.Token);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _listening.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    async Task ListenAsync(CancellationToken stopping)
    {
        var restoredHooked = false;
        for (var delay = FirstRetry; !stopping.IsCancellationRequested; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, LastRetry.Ticks)))
        {
            try
            {
                var multiplexer = await redis.ConnectAsync();
                if (!restoredHooked)
                {
                    multiplexer.ConnectionRestored += (_, _) => cache.Invalidate(null);
                    restoredHooked = true;
                }

                await multiplexer.GetSubscriber().SubscribeAsync(Channel, (_, keyId) => cache.Invalidate(keyId.ToString()));
                // Whatever was cached before listening began may have missed a message.
                cache.Invalidate(null);
                return;
            }
            catch (RedisException e)
            {
                Log.InvalidationNotListening(logger, e.GetType().Name);
            }

            await Task.Delay(delay, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>Drops the key here at once, then tells the other instances.</summary>
    public async Task PublishAsync(string keyId)
    {
        cache.Invalidate(keyId);
        if (!redis.IsConfigured)
        {
            return;
        }

        try
        {
            var multiplexer = await redis.ConnectAsync();
            await multiplexer.GetSubscriber().PublishAsync(Channel, keyId);
        }
        catch (RedisException e)
        {
            // The other instances still drop their copy when its time to live ends.
            Log.InvalidationNotSent(logger, keyId, e);
        }
    }
}
