using System.Collections.Concurrent;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Caching;

/// <summary>
/// This instance's side of <see cref="RedisLevel.FilledChannel"/>: one subscription, and a task per value key some fill
/// here is waiting for, completed when another instance's fill of that key lands in L2 (or gives up).
/// </summary>
internal sealed class FillSignals
{
    readonly ConcurrentDictionary<string, TaskCompletionSource> _waiting = new(StringComparer.Ordinal);
    volatile bool _subscribed;

    /// <summary>Subscribes once (the multiplexer renews it after a reconnect); false while Redis is away.</summary>
    public async Task<bool> SubscribeAsync(CacheRedis redis)
    {
        if (_subscribed)
        {
            return true;
        }

        if (redis.Subscriber is not { } subscriber)
        {
            return false;
        }

        try
        {
            // Two first callers may both subscribe: a second handler only completes what is already complete.
            await redis.Bounded(subscriber.SubscribeAsync(RedisChannel.Literal(RedisLevel.FilledChannel), (_, message) => Landed(message.ToString())));
            _subscribed = true;
            return true;
        }
        catch (Exception exception) when (RedisFailures.IsOutage(exception))
        {
            redis.ReportFailure(exception);
            return false;
        }
    }

    /// <summary>Completes when a fill of <paramref name="valueKey"/> ends after this call.</summary>
    public Task Listen(RedisKey valueKey) =>
        _waiting.GetOrAdd(valueKey.ToString(), static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Stops listening for a key whose fill never said it ended (its claim lapsed).</summary>
    public void Forget(RedisKey valueKey, Task listening)
    {
        var key = valueKey.ToString();
        if (_waiting.TryGetValue(key, out var waiter) && waiter.Task == listening)
        {
            _waiting.TryRemove(new KeyValuePair<string, TaskCompletionSource>(key, waiter));
        }
    }

    void Landed(string valueKey)
    {
        if (_waiting.TryRemove(valueKey, out var waiter))
        {
            waiter.TrySetResult();
        }
    }
}
