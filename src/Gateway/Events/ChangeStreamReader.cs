using System.Text.Json;
using Gateway.Caching;
using Gateway.Core.Events;
using StackExchange.Redis;

namespace Gateway.Events;

/// <summary>
/// Every instance reads the whole change stream itself (XREAD from its own last id, not a consumer group: each
/// instance must see every event) and drops the L1 entries each change makes stale. A pub/sub message wakes it as
/// soon as an event is appended; a poll each second covers a lost wake-up. After a Redis outage it resumes from
/// its last id, so nothing still in the stream is skipped.
/// </summary>
internal sealed class ChangeStreamReader(CacheRedis redis, CacheStore store, ILogger<ChangeStreamReader> logger) : BackgroundService
{
    const int BatchSize = 500;
    static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);

    readonly SemaphoreSlim _wake = new(0, 1);
    RedisValue? _lastId;
    bool _subscribed;

    /// <summary>The id of the last stream entry applied here (for readiness and tests).</summary>
    public string? LastId => _lastId?.ToString();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (redis.Database is not { } database)
            {
                await Task.Delay(RetryPause, stoppingToken);
                continue;
            }

            try
            {
                await SubscribeOnceAsync();
                _lastId ??= await LastEntryIdAsync(database);
                var entries = await database.StreamReadAsync(RedisChangeLedger.StreamKey, _lastId.Value, BatchSize);
                redis.ReportSuccess();
                foreach (var entry in entries)
                {
                    Apply(entry);
                    _lastId = entry.Id;
                }

                if (entries.Length < BatchSize)
                {
                    await _wake.WaitAsync(IdlePoll, stoppingToken);
                }
            }
            catch (Exception exception) when (RedisFailures.IsOutage(exception))
            {
                redis.ReportFailure(exception);
                Log.StreamFailed(logger, exception.GetType().Name, _lastId?.ToString() ?? "(start)");
                await Task.Delay(RetryPause, stoppingToken);
            }
        }
    }

    async Task SubscribeOnceAsync()
    {
        if (_subscribed || redis.Subscriber is not { } subscriber)
        {
            return;
        }

        // The multiplexer re-subscribes by itself after a reconnect.
        await subscriber.SubscribeAsync(RedisChannel.Literal(RedisChangeLedger.StreamKey), (_, _) => Wake());
        _subscribed = true;
    }

    void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake: one pending wake-up reads everything appended.
        }
    }

    /// <summary>A new instance starts at the stream's end: its L1 is empty, so nothing older concerns it.</summary>
    static async Task<RedisValue> LastEntryIdAsync(IDatabase database)
    {
        var last = await database.StreamRangeAsync(RedisChangeLedger.StreamKey, "-", "+", 1, Order.Descending);
        return last.Length > 0 ? last[0].Id : "0-0";
    }

    void Apply(StreamEntry entry)
    {
        ErpChange? change = null;
        try
        {
            var payload = entry[RedisChangeLedger.ChangeField];
            change = payload.IsNull ? null : JsonSerializer.Deserialize<ErpChange>((byte[])payload!, RedisChangeLedger.Json);
        }
        catch (JsonException)
        {
        }

        if (change is null)
        {
            Log.StreamEntryUnreadable(logger, entry.Id.ToString());
            return;
        }

        foreach (var key in CacheKeys.StaleAfter(change))
        {
            store.InvalidateLocal(key);
        }
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
