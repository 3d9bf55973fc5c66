using System.Globalization;
using System.Text.Json;
using Gateway.Caching;
using Gateway.Core.Events;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Events;

/// <summary>
/// The cluster's ledger in Redis, one atomic script per event: remember the event id (a replay stops here), compare the
/// sequence with the highest applied for its entity (an older one stops here), drop the stale keys from L2 and bump
/// their generations (so no fill that started earlier can write them back), end the claims of such fills (instances
/// waiting for them ask again, and the next fill may start at once), append the change to the stream every instance
/// reads, and wake the readers.
/// </summary>
internal sealed class RedisChangeLedger(CacheRedis redis, EventsOptions options) : IChangeLedger
{
    /// <summary>The stream of canonical change events (and the pub/sub channel that says it grew).</summary>
    public const string StreamKey = "gw:changes";

    /// <summary>The field of each stream entry that holds the change as JSON.</summary>
    public const string ChangeField = "change";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // KEYS: event id, sequence, stream, then value/generation/claim triples; ARGV: sequence, replay window s, payload,
    // stream length, the channel of ended fills.
    const string Record = """
        if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then return 0 end
        local applied = tonumber(redis.call('GET', KEYS[2]) or '-1')
        if tonumber(ARGV[1]) <= applied then return -1 end
        redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[2])
        for i = 4, #KEYS, 3 do
          redis.call('DEL', KEYS[i])
          redis.call('INCR', KEYS[i + 1])
          if redis.call('DEL', KEYS[i + 2]) == 1 then redis.call('PUBLISH', ARGV[5], KEYS[i]) end
        end
        local id = redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], '*', 'change', ARGV[3])
        redis.call('PUBLISH', KEYS[3], id)
        return 1
        """;

    public async Task<IngestResult> RecordAsync(ErpChange change, IReadOnlyList<string> staleKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(staleKeys);
        var database = redis.Database ?? throw new ChangeLedgerUnavailableException(null);
        var keys = new List<RedisKey>(3 + (3 * staleKeys.Count))
        {
            "gw:event:" + change.EventId,
            "gw:sequence:" + CacheKeys.SequenceScope(change),
            StreamKey,
        };
        foreach (var key in staleKeys)
        {
            keys.Add(RedisLevel.ValueKey(key));
            keys.Add(RedisLevel.GenerationKey(key));
            keys.Add(RedisLevel.ClaimKey(key));
        }

        RedisValue[] args =
        [
            change.Sequence.ToString(CultureInfo.InvariantCulture),
            ((long)options.ReplayWindow.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            JsonSerializer.SerializeToUtf8Bytes(change, Json),
            options.StreamLength.ToString(CultureInfo.InvariantCulture),
            RedisLevel.FilledChannel,
        ];

        try
        {
            var result = (long)await redis.Bounded(database.ScriptEvaluateAsync(Record, [.. keys], args));
            redis.ReportSuccess();
            return result switch
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
}
