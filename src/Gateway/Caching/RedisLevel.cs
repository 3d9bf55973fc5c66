using System.Globalization;
using StackExchange.Redis;

namespace Gateway.Caching;

/// <summary>
/// The shared level (L2): one Redis string per cache key, beside it a generation counter that every invalidation bumps.
/// A fill writes only if the generation is still the one it read before asking the ERP, so a value read before a change
/// can never land after the change's invalidation (the check and the write are one script, atomic in Redis).
/// </summary>
internal sealed class RedisLevel(CacheRedis redis)
{
    // KEYS: value1, generation1, value2, generation2, ...; ARGV: ttl ms, payload1, generation1, payload2, generation2, ...
    const string ConditionalSet = """
        local written = 0
        for i = 1, #KEYS, 2 do
          local current = redis.call('GET', KEYS[i + 1]) or '0'
          if current == ARGV[i + 1] then
            redis.call('SET', KEYS[i], ARGV[i], 'PX', ARGV[1])
            written = written + 1
          end
        end
        return written
        """;

    public static RedisKey ValueKey(string fullKey) => "gw:cache:" + fullKey;

    public static RedisKey GenerationKey(string fullKey) => "gw:cache-gen:" + fullKey;

    /// <summary>Payload (null when absent) and generation of each key; null when Redis is away.</summary>
    public async Task<RemoteEntry[]?> GetManyAsync(IReadOnlyList<string> fullKeys)
    {
        if (redis.Database is not { } database)
        {
            return null;
        }

        var keys = new RedisKey[fullKeys.Count * 2];
        for (var i = 0; i < fullKeys.Count; i++)
        {
            keys[2 * i] = ValueKey(fullKeys[i]);
            keys[(2 * i) + 1] = GenerationKey(fullKeys[i]);
        }

        try
        {
            var values = await database.StringGetAsync(keys);
            redis.ReportSuccess();
            var entries = new RemoteEntry[fullKeys.Count];
            for (var i = 0; i < entries.Length; i++)
            {
                var generation = values[(2 * i) + 1];
                entries[i] = new RemoteEntry(values[2 * i].HasValue ? (byte[]?)values[2 * i] : null, generation.HasValue ? generation.ToString() : "0");
            }

            return entries;
        }
        catch (Exception exception) when (RedisFailures.IsOutage(exception))
        {
            redis.ReportFailure(exception);
            return null;
        }
    }

    /// <summary>Writes each payload unless its key was invalidated since its generation was read.</summary>
    public async Task SetManyAsync(IReadOnlyList<(string FullKey, byte[] Payload, string Generation)> entries, TimeSpan ttl)
    {
        if (entries.Count == 0 || redis.Database is not { } database)
        {
            return;
        }

        var keys = new RedisKey[entries.Count * 2];
        var args = new RedisValue[(entries.Count * 2) + 1];
        args[0] = ((long)ttl.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < entries.Count; i++)
        {
            keys[2 * i] = ValueKey(entries[i].FullKey);
            keys[(2 * i) + 1] = GenerationKey(entries[i].FullKey);
            args[(2 * i) + 1] = entries[i].Payload;
            args[(2 * i) + 2] = entries[i].Generation;
        }

        try
        {
            await database.ScriptEvaluateAsync(ConditionalSet, keys, args);
            redis.ReportSuccess();
        }
        catch (Exception exception) when (RedisFailures.IsOutage(exception))
        {
            // The value still serves from L1; L2 fills again on the next miss.
            redis.ReportFailure(exception);
        }
    }
}

/// <summary>One key as read from L2: its payload (null when not cached) and its generation.</summary>
internal readonly record struct RemoteEntry(byte[]? Payload, string Generation);
