using System.Diagnostics.Metrics;
using System.Text.Json;
using Gateway.Caching;
using Gateway.Core.Events;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Events;

/// <summary>
/// How long an applied change takes to be dropped by every instance's L1, from the instances' acknowledgements
/// (<see cref="InvalidationAcks"/>). Every few seconds each instance reads them; the one that moves the shared mark
/// (<see cref="InvalidationAcks.ThroughKey"/>, a compare-and-set) records, for each stream entry every live instance has
/// passed since, the time from its append to the latest drop among them (<c>gateway_events_invalidation_duration_seconds</c>,
/// an upper bound by at most one read of the stream). Between two reads it publishes the age of the oldest applied change
/// some live instance still holds a copy for (<c>gateway_events_invalidation_pending_age_seconds</c>, 0 when all caught up).
/// The append time is Redis's clock, the drop the instance's: their difference is included.
/// </summary>
internal sealed class InvalidationProgress : BackgroundService
{
    const int MaxEntriesPerRound = 500;
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    readonly CacheRedis _redis;
    readonly TimeProvider _time;
    readonly ILogger<InvalidationProgress> _logger;
    double _pendingAgeSeconds;

    public InvalidationProgress(CacheRedis redis, TimeProvider time, IMeterFactory meters, ILogger<InvalidationProgress> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _redis = redis;
        _time = time;
        _logger = logger;
        meters.Create(EventsTelemetry.Name).CreateObservableGauge(
            "gateway.events.invalidation.pending_age",
            () => Volatile.Read(ref _pendingAgeSeconds),
            unit: "s",
            description: "Age of the oldest applied change some live instance has not dropped its L1 copies for yet; 0 when every instance caught up.");
    }

    /// <summary>The latest figure, for the console.</summary>
    public double PendingAgeSeconds => Volatile.Read(ref _pendingAgeSeconds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, _time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (_redis.Database is not { } database)
            {
                continue;
            }

            try
            {
                await RoundAsync(database);
            }
            catch (Exception exception) when (RedisFailures.IsOutage(exception))
            {
                Log.InvalidationProgressFailed(_logger, exception.Message);
            }
        }
    }

    internal async Task RoundAsync(IDatabase database)
    {
        var now = _time.GetUtcNow();
        var acks = (await _redis.Bounded(database.HashGetAllAsync(InvalidationAcks.Key))).Select(InvalidationAcks.Parse).OfType<Ack>().ToList();
        var forgotten = acks.Where(a => now - a.ReportedAt > InvalidationAcks.Forgotten).Select(a => (RedisValue)a.Instance).ToArray();
        if (forgotten.Length > 0)
        {
            await _redis.Bounded(database.HashDeleteAsync(InvalidationAcks.Key, forgotten));
        }

        var live = acks.Where(a => now - a.ReportedAt <= InvalidationAcks.Silence).ToList();
        if (live.Count == 0)
        {
            Volatile.Write(ref _pendingAgeSeconds, 0);
            return;
        }

        var caughtUp = live.Min(a => a.Through);
        var next = await _redis.Bounded(database.StreamRangeAsync(RedisChangeLedger.StreamKey, "(" + caughtUp, "+", count: 1));
        Volatile.Write(ref _pendingAgeSeconds, next.Length > 0 && StreamPosition.TryParse(next[0].Id, out var oldest)
            ? Math.Max(0, (now - oldest.At).TotalSeconds)
            : 0);

        await MeasureAsync(database, caughtUp, live.Max(a => a.DroppedAt));
    }

    async Task MeasureAsync(IDatabase database, StreamPosition caughtUp, DateTimeOffset droppedBy)
    {
        var mark = await _redis.Bounded(database.StringGetAsync(InvalidationAcks.ThroughKey));
        if (!StreamPosition.TryParse(mark.ToString(), out var through))
        {
            // The first measure starts from where the cluster stands: what came before it was never timed.
            await _redis.Bounded(database.StringSetAsync(InvalidationAcks.ThroughKey, caughtUp.ToString(), when: When.NotExists));
            return;
        }

        if (caughtUp <= through)
        {
            return;
        }

        var entries = await _redis.Bounded(database.StreamRangeAsync(RedisChangeLedger.StreamKey, "(" + through, caughtUp.ToString(), count: MaxEntriesPerRound));
        var moved = entries.Length == MaxEntriesPerRound ? entries[^1].Id.ToString() : caughtUp.ToString();
        var transaction = database.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual(InvalidationAcks.ThroughKey, mark));
        _ = transaction.StringSetAsync(InvalidationAcks.ThroughKey, moved);
        if (!await _redis.Bounded(transaction.ExecuteAsync()))
        {
            return; // Another instance measured these.
        }

        foreach (var entry in entries)
        {
            if (StreamPosition.TryParse(entry.Id, out var position))
            {
                EventsTelemetry.Dropped(TypeOf(entry), droppedBy - position.At);
            }
        }
    }

    static string? TypeOf(StreamEntry entry)
    {
        try
        {
            var payload = entry[RedisChangeLedger.ChangeField];
            return payload.IsNull ? null : JsonSerializer.Deserialize<ErpChange>((byte[])payload!, RedisChangeLedger.Json)?.Type;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
