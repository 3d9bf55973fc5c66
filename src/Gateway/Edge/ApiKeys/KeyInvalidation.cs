using StackExchange.Redis;

namespace Gateway.Edge.ApiKeys;

/// <summary>
/// Tells every instance that a key changed (issued, rotated, revoked) over the Redis channel <c>{prefix}:changed</c>, and
/// drops this instance's cached copy when any instance says so. After a reconnect the whole cache is dropped, since
/// messages sent meanwhile were lost. Without Redis there is one instance and only its own cache to drop.
/// </summary>
internal sealed class KeyInvalidation(PartnerRedis redis, PartnerKeyCache cache, ApiKeysOptions options, ILogger<KeyInvalidation> logger)
    : IHostedService
{
    RedisChannel Channel => RedisChannel.Literal($"{options.KeyPrefix}:changed");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!redis.IsConfigured)
        {
            return;
        }

        var multiplexer = await redis.ConnectAsync();
        multiplexer.ConnectionRestored += (_, _) => cache.Invalidate(null);
        await multiplexer.GetSubscriber().SubscribeAsync(Channel, (_, keyId) => cache.Invalidate(keyId.ToString()));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
