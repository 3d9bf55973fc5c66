using System.Collections.Concurrent;
using System.Globalization;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Caching;

/// <summary>
/// The shared level (L2): one Redis string per cache key, beside it a generation counter that every invalidation bumps.
/// A fill writes only if the generation is still the one it read before asking the ERP, so a value read before a change
/// can never land after the change's invalidation (the check and the write are one script, atomic in Redis).
/// A fill also claims its keys for a moment, so that instances missing the same key at once ask the ERP once between
/// them: the others wait for the claimant's answer to land here (a message on <see cref="FilledChannel"/> says it has).
/// </summary>
internal sealed class RedisLevel(CacheRedis redis)
{
    /// <summary>Where a fill that others may be waiting for says it is done (the message is the value key).</summary>
    public const string FilledChannel = "gw:cache-filled";

    /// <summary>How long a claim holds unless its fill ends first: a claimant that dies costs the others this much wait.</summary>
    static readonly TimeSpan ClaimDuration = TimeSpan.FromSeconds(3);

    // KEYS: claim1, claim2, ...; ARGV: token, claim ms. Per key: -1 claimed by this fill, else ms left of another's claim.
    const string Claim = """
        local answers = {}
        for i = 1, #KEYS do
          if redis.call('SET', KEYS[i], ARGV[1], 'NX', 'PX', ARGV[2]) then
            answers[i] = -1
          else
            answers[i] = math.max(redis.call('PTTL', KEYS[i]), 0)
          end
        end
        return answers
        """;

    // KEYS: value1, generation1, claim1, value2, ...; ARGV: ttl ms, token, channel, payload1, generation1, payload2, ...
    // A payload of '' only releases the claim (the fill failed).
    const string ConditionalSet = """
        local written = 0
        for i = 1, #KEYS, 3 do
          local arg = 4 + 2 * ((i - 1) / 3)
          local current = redis.call('GET', KEYS[i + 1]) or '0'
          if ARGV[arg] ~= '' and current == ARGV[arg + 1] then
            redis.call('SET', KEYS[i], ARGV[arg], 'PX', ARGV[1])
            written = written + 1
          end
          if redis.call('GET', KEYS[i + 2]) == ARGV[2] then
            redis.call('DEL', KEYS[i + 2])
            redis.call('PUBLISH', ARGV[3], KEYS[i])
          end
        end
        return written
        """;

    readonly FillSignals _signals = new();

    // The fills that claimed keys here and have not ended yet (one per ERP fetch in flight), given back if the instance
    // stops first (ReleaseClaimsAsync): the others would otherwise wait out ClaimDuration for an answer that never comes.
    readonly ConcurrentDictionary<string, string[]> _claimed = new(StringComparer.Ordinal);

    public static RedisKey ValueKey(string fullKey) => "gw:cache:" + fullKey;

    public static RedisKey GenerationKey(string fullKey) => "gw:cache-gen:" + fullKey;

    /// <summary>Held by the fill asking the ERP for the key now; an invalidation drops it (that fill's answer is too old).</summary>
    public static RedisKey ClaimKey(string fullKey) => "gw:cache-fill:" + fullKey;

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
            var values = await redis.Bounded(database.StringGetAsync(keys));
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

    /// <summary>
    /// Before asking the ERP for keys L2 cannot answer: claims each one for the fill <paramref name="token"/>, or, where
    /// another instance's fill holds it, waits until that fill lands (at most as long as its claim lasts) and reads L2 again.
    /// </summary>
    /// <returns>Per key: null when this fill should ask the ERP itself; else L2 as read after the other fill (its payload may still be null).</returns>
    public async Task<RemoteEntry?[]> ClaimOrAwaitAsync(IReadOnlyList<string> fullKeys, string token)
    {
        var answers = new RemoteEntry?[fullKeys.Count];
        if (redis.Database is not { } database || !await _signals.SubscribeAsync(redis))
        {
            return answers;
        }

        // Listening before claiming, so that a fill landing between the claim and the wait is not missed.
        var waits = fullKeys.Select(k => _signals.Listen(ValueKey(k))).ToArray();
        RedisResult[] claims;
        try
        {
            claims = (RedisResult[])(await redis.Bounded(database.ScriptEvaluateAsync(
                Claim, [.. fullKeys.Select(ClaimKey)], [token, (long)ClaimDuration.TotalMilliseconds])))!;
            redis.ReportSuccess();
        }
        catch (Exception exception) when (RedisFailures.IsOutage(exception))
        {
            redis.ReportFailure(exception);
            return answers;
        }

        if (fullKeys.Where((_, i) => (long)claims[i] < 0).ToArray() is { Length: > 0 } mine)
        {
            _claimed[token] = mine;
        }

        var others = Enumerable.Range(0, fullKeys.Count).Where(i => (long)claims[i] >= 0).ToArray();
        if (others.Length == 0)
        {
            return answers;
        }

        var longest = TimeSpan.FromMilliseconds(others.Max(i => (long)claims[i]));
        try
        {
            await Task.WhenAll(others.Select(i => waits[i])).WaitAsync(longest);
        }
        catch (TimeoutException)
        {
            // The other fill is slow or gone: whatever landed is read below, the rest is asked of the ERP here.
            foreach (var i in others)
            {
                _signals.Forget(ValueKey(fullKeys[i]), waits[i]);
            }
        }

        var landed = await GetManyAsync([.. others.Select(i => fullKeys[i])]);
        for (var j = 0; j < others.Length && landed is not null; j++)
        {
            answers[others[j]] = landed[j];
        }

        return answers;
    }

    /// <summary>Ends the claims of every fill still asking the ERP (the instance is stopping): the waiting instances ask it themselves.</summary>
    public async Task ReleaseClaimsAsync()
    {
        foreach (var (token, fullKeys) in _claimed)
        {
            await SetManyAsync([.. fullKeys.Select(k => (k, Array.Empty<byte>(), ""))], TimeSpan.Zero, token);
        }
    }

    /// <summary>
    /// Writes each payload unless its key was invalidated since its generation was read, and ends the claims of
    /// <paramref name="token"/> on these keys (telling the instances waiting for them); an empty payload only ends the claim.
    /// </summary>
    public async Task SetManyAsync(IReadOnlyList<(string FullKey, byte[] Payload, string Generation)> entries, TimeSpan ttl, string token)
    {
        _claimed.TryRemove(token, out _);
        if (entries.Count == 0 || redis.Database is not { } database)
        {
            return;
        }

        var keys = new RedisKey[entries.Count * 3];
        var args = new RedisValue[(entries.Count * 2) + 3];
        args[0] = ((long)ttl.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        args[1] = token;
        args[2] = FilledChannel;
        for (var i = 0; i < entries.Count; i++)
        {
            keys[3 * i] = ValueKey(entries[i].FullKey);
            keys[(3 * i) + 1] = GenerationKey(entries[i].FullKey);
            keys[(3 * i) + 2] = ClaimKey(entries[i].FullKey);
            args[(2 * i) + 3] = entries[i].Payload;
            args[(2 * i) + 4] = entries[i].Generation;
        }

        try
        {
            await redis.Bounded(database.ScriptEvaluateAsync(ConditionalSet, keys, args));
            redis.ReportSuccess();
        }
        catch (Exception exception) when (RedisFailures.IsOutage(exception))
        {
            // The value still serves from L1; L2 fills again on the next miss. Claims lapse by themselves.
            redis.ReportFailure(exception);
        }
    }
}

/// <summary>One key as read from L2: its payload (null when not cached) and its generation.</summary>
internal readonly record struct RemoteEntry(byte[]? Payload, string Generation);
