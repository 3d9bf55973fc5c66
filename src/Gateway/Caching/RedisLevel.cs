using System.Collections.Concurrent;
using System.Globalization;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Caching;

/// <summary>
/// The shared level (L2): one Redis string per cache key, beside it a generation that every invalidation changes (to its event's id).
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

    /// <summary>How many times a key whose fill ended without a value is claimed again before this fill asks the ERP regardless.</summary>
    const int ClaimRounds = 3;

    // KEYS: claim1, generation1, claim2, ...; ARGV: token, claim ms. Per key: { -1 claimed by this fill, else ms left of
    // another's claim; the generation now }: a fill writes against the generation it claimed at.
    const string Claim = """
        local answers = {}
        for i = 1, #KEYS, 2 do
          local generation = redis.call('GET', KEYS[i + 1]) or '0'
          if redis.call('SET', KEYS[i], ARGV[1], 'NX', 'PX', ARGV[2]) then
            answers[#answers + 1] = { -1, generation }
          else
            answers[#answers + 1] = { math.max(redis.call('PTTL', KEYS[i]), 0), generation }
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


    /// <summary>
    /// The value, generation and claim keys of one cache key, in its entity's slot (<see cref="RedisKeys"/>). The claim is
    /// held by the fill asking the ERP for the key now; an invalidation drops it (that fill's answer is too old).
    /// </summary>
    public static (RedisKey Value, RedisKey Generation, RedisKey Claim) KeysOf(string fullKey)
    {
        var owner = CacheKeys.Owner(fullKey);
        return (RedisKeys.CacheValue(owner, fullKey), RedisKeys.CacheGeneration(owner, fullKey), RedisKeys.CacheClaim(owner, fullKey));
    }

    /// <summary>Payload (null when absent) and generation of each key; null when Redis is away.</summary>
    public async Task<RemoteEntry[]?> GetManyAsync(IReadOnlyList<string> fullKeys)
    {
        if (redis.Database is not { } database || redis.Multiplexer is not { } multiplexer)
        {
            return null;
        }

        var keys = new RedisKey[fullKeys.Count * 2];
        for (var i = 0; i < fullKeys.Count; i++)
        {
            (keys[2 * i], keys[(2 * i) + 1], _) = KeysOf(fullKeys[i]);
        }

        try
        {
            var entries = new RemoteEntry[fullKeys.Count];
            var parts = SlotGroups.Of(multiplexer, fullKeys.Count, i => keys[2 * i]);
            if (parts.Count == 1)
            {
                await GetPartAsync(database, keys, parts[0], entries);
            }
            else
            {
                await Task.WhenAll(parts.Select(part => GetPartAsync(database, keys, part, entries)));
            }

            redis.ReportSuccess();
            return entries;
        }
        catch (Exception exception) when (RedisFailures.IsOutage(exception))
        {
            redis.ReportFailure(exception);
            return null;
        }
    }

    /// <summary>One MGET of the value and generation keys of <paramref name="part"/> (keys of one slot).</summary>
    async Task GetPartAsync(IDatabase database, RedisKey[] keys, IReadOnlyList<int> part, RemoteEntry[] entries)
    {
        var partKeys = keys;
        if (part.Count * 2 != keys.Length)
        {
            partKeys = new RedisKey[part.Count * 2];
            for (var j = 0; j < part.Count; j++)
            {
                partKeys[2 * j] = keys[2 * part[j]];
                partKeys[(2 * j) + 1] = keys[(2 * part[j]) + 1];
            }
        }

        var values = await redis.Bounded(database.StringGetAsync(partKeys));
        for (var j = 0; j < part.Count; j++)
        {
            var generation = values[(2 * j) + 1];
            entries[part[j]] = new RemoteEntry(values[2 * j].HasValue ? (byte[]?)values[2 * j] : null, generation.HasValue ? generation.ToString() : "0");
        }
    }

    /// <summary>
    /// Before asking the ERP for keys L2 cannot answer: claims each one for the fill <paramref name="token"/>, or, where
    /// another instance's fill holds it, waits until that fill lands (at most as long as its claim lasts) and reads L2 again.
    /// A fill that ended without a value (a change invalidated what it read, or it failed) leaves the key to be claimed
    /// again, so that after a change one instance, not each one that was waiting, asks the ERP for the new value.
    /// </summary>
    /// <returns>
    /// Per key: L2 as read after the other fill (its payload may still be null); or, where this fill claimed it and should ask
    /// the ERP itself, no payload and the generation its answer is written against; null when Redis went away.
    /// </returns>
    public async Task<RemoteEntry?[]> ClaimOrAwaitAsync(IReadOnlyList<string> fullKeys, string token)
    {
        var answers = new RemoteEntry?[fullKeys.Count];
        if (redis.Database is not { } database || redis.Multiplexer is not { } multiplexer || !await _signals.SubscribeAsync(redis))
        {
            return answers;
        }

        int[] pending = [.. Enumerable.Range(0, fullKeys.Count)];
        for (var round = 1; pending.Length > 0; round++)
        {
            var outcome = await ClaimRoundAsync(database, multiplexer, [.. pending.Select(i => fullKeys[i])], token);
            if (outcome is null)
            {
                return answers;
            }

            var again = new List<int>();
            for (var j = 0; j < pending.Length; j++)
            {
                var (landed, ended) = outcome[j];
                if (landed is { Payload: null } && ended && round < ClaimRounds)
                {
                    again.Add(pending[j]);
                }
                else
                {
                    answers[pending[j]] = landed;
                }
            }

            pending = [.. again];
        }

        return answers;
    }

    /// <summary>
    /// One round of <see cref="ClaimOrAwaitAsync"/>: per key, the generation it was claimed at by this fill, else L2 as read
    /// after the other fill and whether that fill said it ended (rather than its claim running out); null when Redis is away.
    /// </summary>
    async Task<(RemoteEntry? Landed, bool Ended)[]?> ClaimRoundAsync(IDatabase database, IConnectionMultiplexer multiplexer, string[] fullKeys, string token)
    {
        // Listening before claiming, so that a fill landing between the claim and the wait is not missed.
        var keys = fullKeys.Select(KeysOf).ToArray();
        var waits = keys.Select(k => _signals.Listen(k.Value)).ToArray();
        var claims = new long[fullKeys.Length];
        var claimedAt = new string[fullKeys.Length];
        try
        {
            // Each key is claimed on its own; keys of different slots are claimed by one script per slot.
            var parts = SlotGroups.Of(multiplexer, keys.Length, i => keys[i].Claim);
            await Task.WhenAll(parts.Select(async part =>
            {
                var answer = (RedisResult[])(await redis.Bounded(database.ScriptEvaluateAsync(
                    Claim, [.. part.SelectMany(i => new[] { keys[i].Claim, keys[i].Generation })], [token, (long)ClaimDuration.TotalMilliseconds])))!;
                for (var j = 0; j < part.Count; j++)
                {
                    var pair = (RedisResult[])answer[j]!;
                    claims[part[j]] = (long)pair[0];
                    claimedAt[part[j]] = pair[1].ToString();
                }
            }));
            redis.ReportSuccess();
        }
        catch (Exception exception) when (RedisFailures.IsOutage(exception))
        {
            redis.ReportFailure(exception);
            return null;
        }

        if (fullKeys.Where((_, i) => claims[i] < 0).ToArray() is { Length: > 0 } mine)
        {
            _claimed.AddOrUpdate(token, mine, (_, earlier) => [.. earlier, .. mine]);
        }

        var outcome = new (RemoteEntry? Landed, bool Ended)[fullKeys.Length];
        for (var i = 0; i < fullKeys.Length; i++)
        {
            if (claims[i] < 0)
            {
                outcome[i] = (new RemoteEntry(null, claimedAt[i]), false);
            }
        }

        var others = Enumerable.Range(0, fullKeys.Length).Where(i => claims[i] >= 0).ToArray();
        if (others.Length == 0)
        {
            return outcome;
        }

        var longest = TimeSpan.FromMilliseconds(others.Max(i => claims[i]));
        try
        {
            await Task.WhenAll(others.Select(i => waits[i])).WaitAsync(longest);
        }
        catch (TimeoutException)
        {
            // The other fill is slow or gone: whatever landed is read below, the rest is asked of the ERP here.
            foreach (var i in others)
            {
                _signals.Forget(keys[i].Value, waits[i]);
            }
        }

        var landed = await GetManyAsync([.. others.Select(i => fullKeys[i])]);
        for (var j = 0; j < others.Length && landed is not null; j++)
        {
            outcome[others[j]] = (landed[j], waits[others[j]].IsCompletedSuccessfully);
        }

        return outcome;
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
        if (entries.Count == 0 || redis.Database is not { } database || redis.Multiplexer is not { } multiplexer)
        {
            return;
        }

        var keys = entries.Select(e => KeysOf(e.FullKey)).ToArray();
        try
        {
            // Each key is written on its own; keys of different slots are written by one script per slot.
            var parts = SlotGroups.Of(multiplexer, keys.Length, i => keys[i].Value);
            await Task.WhenAll(parts.Select(part => SetPartAsync(database, entries, keys, part, ttl, token)));
            redis.ReportSuccess();
        }
        catch (Exception exception) when (RedisFailures.IsOutage(exception))
        {
            // The value still serves from L1; L2 fills again on the next miss. Claims lapse by themselves.
            redis.ReportFailure(exception);
        }
    }

    Task<RedisResult> SetPartAsync(
        IDatabase database,
        IReadOnlyList<(string FullKey, byte[] Payload, string Generation)> entries,
        (RedisKey Value, RedisKey Generation, RedisKey Claim)[] keys,
        IReadOnlyList<int> part,
        TimeSpan ttl,
        string token)
    {
        var partKeys = new RedisKey[part.Count * 3];
        var args = new RedisValue[(part.Count * 2) + 3];
        args[0] = ((long)ttl.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        args[1] = token;
        args[2] = FilledChannel;
        for (var j = 0; j < part.Count; j++)
        {
            var i = part[j];
            (partKeys[3 * j], partKeys[(3 * j) + 1], partKeys[(3 * j) + 2]) = keys[i];
            args[(2 * j) + 3] = entries[i].Payload;
            args[(2 * j) + 4] = entries[i].Generation;
        }

        return redis.Bounded(database.ScriptEvaluateAsync(ConditionalSet, partKeys, args));
    }
}

/// <summary>One key as read from L2: its payload (null when not cached) and its generation.</summary>
internal readonly record struct RemoteEntry(byte[]? Payload, string Generation);
