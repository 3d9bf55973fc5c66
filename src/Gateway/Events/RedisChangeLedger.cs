using System.Globalization;
using System.Text.Json;
using Gateway.Caching;
using Gateway.Core.Events;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Events;

/// <summary>
/// The cluster's ledger in Redis. Recording one event takes three steps, because its ledger (the event ids seen, the
/// sequences applied, the stream) lives in the <c>{changes}</c> slot and the L2 keys it makes stale in their entity's
/// slot (<see cref="RedisKeys"/>), and a Redis Cluster runs a script on one slot only:
/// <list type="number">
/// <item>look: a replayed event (its id seen) or an older one (its sequence not above the applied) stops here;</item>
/// <item>invalidate, per slot: drop the stale keys from L2 and change their generations to the event's id (so no fill that
/// started earlier can write them back), end the claims of such fills (instances waiting for them ask again);</item>
/// <item>record, one script: remember the event id, raise the applied sequence, append the change to the stream every
/// instance reads and wake the readers; unless another delivery of the event recorded it meanwhile.</item>
/// </list>
/// Invalidating before recording keeps it correct without one atomic step: an instance drops its L1 copy only after
/// reading the stream entry, which exists only once L2 no longer holds the stale value, so L1 cannot refill with it.
/// Invalidating is idempotent: an event that fails after it and is delivered again (the ERP retries until it is
/// recorded), or two deliveries racing past the look, only cost an extra L2 miss; the record step lets one through.
/// </summary>
internal sealed class RedisChangeLedger(CacheRedis redis, EventsOptions options) : IChangeLedger
{
    /// <summary>The stream of canonical change events (<see cref="RedisKeys.ChangeStream"/>).</summary>
    public static readonly RedisKey StreamKey = RedisKeys.ChangeStream;

    /// <summary>The pub/sub channel, named after the stream, that says it grew.</summary>
    public static readonly RedisChannel StreamGrown = RedisChannel.Literal(StreamKey.ToString());

    /// <summary>The field of each stream entry that holds the change as JSON.</summary>
    public const string ChangeField = "change";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // KEYS: event id, sequence; ARGV: sequence. 1 new, 0 replayed, -1 older than the applied.
    const string Look = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        local applied = tonumber(redis.call('GET', KEYS[2]) or '-1')
        if tonumber(ARGV[1]) <= applied then return -1 end
        return 1
        """;

    // KEYS: value/generation/claim triples of one slot; ARGV: the channel of ended fills, the event id. A key's generation
    // becomes the id of the event that last invalidated it: a new event always changes it, while the same event delivered
    // again (the ERP posts it to every instance at once, all may pass the look) leaves it, and the fill already asking the
    // ERP for the new value, alone.
    const string Invalidate = """
        for i = 1, #KEYS, 3 do
          if redis.call('GET', KEYS[i + 1]) ~= ARGV[2] then
            redis.call('DEL', KEYS[i])
            redis.call('SET', KEYS[i + 1], ARGV[2])
            if redis.call('DEL', KEYS[i + 2]) == 1 then redis.call('PUBLISH', ARGV[1], KEYS[i]) end
          end
        end
        return 1
        """;

    // KEYS: event id, sequence, stream; ARGV: sequence, replay window s, payload, stream length. As Look, and 1 recorded.
    const string Record = """
        if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then return 0 end
        local applied = tonumber(redis.call('GET', KEYS[2]) or '-1')
        if tonumber(ARGV[1]) <= applied then return -1 end
        redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[2])
        local id = redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], '*', 'change', ARGV[3])
        redis.call('PUBLISH', KEYS[3], id)
        return 1
        """;

    public async Task<IngestResult> RecordAsync(ErpChange change, IReadOnlyList<string> staleKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(staleKeys);
        if (redis.Database is not { } database || redis.Multiplexer is not { } multiplexer)
        {
            throw new ChangeLedgerUnavailableException(null);
        }

        RedisKey[] ledger = [RedisKeys.ChangeEvent(change.EventId), RedisKeys.ChangeSequence(CacheKeys.SequenceScope(change)), StreamKey];
        var sequence = change.Sequence.ToString(CultureInfo.InvariantCulture);
        try
        {
            var look = (long)await redis.Bounded(database.ScriptEvaluateAsync(Look, ledger[..2], [sequence]));
            if (look == 1)
            {
                await InvalidateAsync(database, multiplexer, staleKeys, change.EventId);
                RedisValue[] args =
                [
                    sequence,
                    ((long)options.ReplayWindow.TotalSeconds).ToString(CultureInfo.InvariantCulture),
                    JsonSerializer.SerializeToUtf8Bytes(change, Json),
                    options.StreamLength.ToString(CultureInfo.InvariantCulture),
                ];
                look = (long)await redis.Bounded(database.ScriptEvaluateAsync(Record, ledger, args));
            }

            redis.ReportSuccess();
            return look switch
            {
                1 => IngestResult.Applied,
                0 => IngestResult.Duplicate,
                _ => IngestResult.Outdated,
            };
        }
        catch (Exception exception) when (RedisFailures.IsOutage(exception))
        {
            redis.ReportFailure(exception);
            throw new ChangeLedgerUnavailableException(exception);
        }
    }

    /// <summary>One script per slot (one in all for the changes of today's regions, whose keys share their entity's slot).</summary>
    Task<RedisResult[]> InvalidateAsync(IDatabase database, IConnectionMultiplexer multiplexer, IReadOnlyList<string> staleKeys, string eventId)
    {
        var keys = staleKeys.Select(RedisLevel.KeysOf).ToArray();
        var parts = SlotGroups.Of(multiplexer, keys.Length, i => keys[i].Value);
        return Task.WhenAll(parts.Select(part => redis.Bounded(database.ScriptEvaluateAsync(
            Invalidate, [.. part.SelectMany(i => new[] { keys[i].Value, keys[i].Generation, keys[i].Claim })], [RedisLevel.FilledChannel, eventId]))));
    }
}
