using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Edge.ApiKeys;

/// <summary>
/// Tells every instance that a key changed (issued, rotated, revoked) over the Redis channel <c>{prefix}:changed</c>, and
/// drops this instance's cached copy when any instance says so. After a reconnect the whole cache is dropped, since
/// messages sent meanwhile were lost. Without Redis there is one instance and only its own cache to drop.
/// </summary>
internal sealed class KeyInvalidation(RedisConnection redis, PartnerKeyCache cache, ApiKeysOptions options, ILogger<KeyInvalidation> logger)
    : BackgroundService
{
    static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    RedisChannel Channel => RedisChannel.Literal($"{options.KeyPrefix}:changed");

    /// <summary>Listens in the background: a Redis not reachable yet must not keep the gateway from starting.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        redis.IsConfigured ? ListenAsync(stoppingToken) : Task.CompletedTask;

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
            catch (Exception e) when (RedisFailures.IsFailure(e))
            {
                Log.InvalidationNotListening(logger, e.GetType().Name);
            }

            await Task.Delay(delay, stopping).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

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
        catch (Exception e) when (RedisFailures.IsFailure(e))
        {
            // The other instances still drop their copy when its time to live ends.
            Log.InvalidationNotSent(logger, keyId, e);
        }
    }
}
