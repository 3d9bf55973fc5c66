using System.Globalization;
using System.Text.Json;
using Gateway.Caching;
using Gateway.Core.Events;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Events;

/// <summary>
/// Every instance reads the whole change stream itself (XREAD from its own last id, not a consumer group: each
/// instance must see every event) and drops the L1 entries each change makes stale. A pub/sub message wakes it as
/// soon as an event is appended; a poll each second covers a lost wake-up. After a Redis outage it resumes from
/// its last id, so nothing still in the stream is skipped. How far it got is acknowledged to the cluster
/// (<see cref="InvalidationAcks"/>), which times the drop on every instance (<see cref="InvalidationProgress"/>).
/// </summary>
internal sealed class ChangeStreamReader(CacheRedis redis, CacheStore store, InvalidationAcks acks, TimeProvider time, ILogger<ChangeStreamReader> logger)
    : BackgroundService
{
    const int BatchSize = 500;
    static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);
    static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(250);

    /// <summary>How far before the cache's creation reading starts: room for Redis's clock being stepped meanwhile.</summary>
    static readonly TimeSpan ClockAllowance = TimeSpan.FromSeconds(1);

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
                _lastId ??= await StartIdAsync(database);
                var entries = await redis.Bounded(database.StreamReadAsync(RedisChangeLedger.StreamKey, _lastId.Value, BatchSize));
                redis.ReportSuccess();
                foreach (var entry in entries)
                {
                    Apply(entry);
                    _lastId = entry.Id;
                }

                await redis.Bounded(acks.ReportAsync(database, _lastId.Value.ToString()));

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
        await redis.Bounded(subscriber.SubscribeAsync(RedisChangeLedger.StreamGrown, (_, _) => Wake()));
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

    /// <summary>
    /// Where this instance starts reading: at the moment its cache was created, on Redis's clock (stream ids are Redis
    /// milliseconds). Not at the stream's end when this reader first gets to Redis: that may be well after the first
    /// answers were cached (.NET 10 runs background services after start-up without waiting for them, Redis may be
    /// away at start-up, the machine busy), and every change appended meanwhile would be skipped for good.
    /// The elapsed time is measured after Redis answered, so the start is never later than it should be.
    /// </summary>
    async Task<RedisValue> StartIdAsync(IDatabase database)
    {
        var now = (RedisValue[])(await redis.Bounded(database.ExecuteAsync("TIME")))!;
        var elapsed = time.GetElapsedTime(store.CreatedAt) + ClockAllowance;
        var redisNowMs = ((long)now[0] * 1000) + ((long)now[1] / 1000);
        return Math.Max(0, redisNowMs - (long)elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "-0";
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
