using System.Collections.Concurrent;
using Gateway.Core.Concurrency;
using Gateway.Core.Redis;

namespace Gateway.Edge.ApiKeys;

/// <summary>
/// This instance's copy of the keys it has seen, each with its partner, kept for <see cref="ApiKeysOptions.CacheTtl"/>
/// and dropped at once when <see cref="KeyInvalidation"/> hears of a change. Unknown key ids are remembered too, so a
/// repeated wrong key does not turn into a flood of store reads, but apart and bounded in count
/// (<see cref="ApiKeysOptions.MaxUnknownKeys"/>) and age (the same TTL): a caller inventing keys makes this instance
/// remember at most that many. Concurrent misses for one key share one read.
/// </summary>
internal sealed class PartnerKeyCache(IPartnerStore store, ApiKeysOptions options, TimeProvider time, ILogger<PartnerKeyCache> logger)
{
    /// <summary>Keys that exist (as many as the admin issued), each with its partner.</summary>
    readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Key ids the store did not know, until when that answer is trusted.</summary>
    readonly ConcurrentDictionary<string, DateTimeOffset> _unknown = new(StringComparer.Ordinal);

    /// <summary>Store reads in flight (as many as requests in flight), each begun at an <see cref="_invalidations"/> count.</summary>
    readonly SingleFlight<string, KnownKey?> _reads = new();

    /// <summary>
    /// Invalidations heard so far, of any key: a read begun before one is not joined and what it finds is not kept, as
    /// it may be what the change replaced. Counting them all, not per key, keeps no state per key id heard of; the cost
    /// is a second read for keys being read while another key changes, which is rare.
    /// </summary>
    long _invalidations;

    /// <summary>Unknown key ids remembered now; never above <see cref="ApiKeysOptions.MaxUnknownKeys"/>.</summary>
    public int UnknownCount => _unknown.Count;

    /// <summary>The key and its partner, or null when either does not exist.</summary>
    public async ValueTask<KnownKey?> FindAsync(string keyId)
    {
        var now = time.GetUtcNow();
        if (_unknown.TryGetValue(keyId, out var unknownUntil) && now < unknownUntil)
        {
            return null;
        }

        if (_entries.TryGetValue(keyId, out var entry) && now < entry.FreshUntil)
        {
            return entry.Known;
        }

        var invalidations = Interlocked.Read(ref _invalidations);
        return await _reads.RunAsync(keyId, invalidations, () => ReadAsync(keyId, entry, now + options.CacheTtl, invalidations), CancellationToken.None);
    }

    /// <summary>Reads the key and keeps the answer, known or unknown, until <paramref name="until"/>.</summary>
    async Task<KnownKey?> ReadAsync(string keyId, Entry? stale, DateTimeOffset until, long invalidations)
    {
        var found = await LoadAsync(keyId, stale);
        var kept = found is null ? null : new Entry(found, until);
        if (kept is not null)
        {
            _entries[keyId] = kept;
        }
        else
        {
            if (stale is not null)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(keyId, stale));
            }

            RememberUnknown(keyId, until);
        }

        // Checked after keeping, so an invalidation racing the keeping still takes the answer away.
        if (Interlocked.Read(ref _invalidations) != invalidations)
        {
            if (kept is not null)
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(keyId, kept));
            }
            else
            {
                _unknown.TryRemove(new KeyValuePair<string, DateTimeOffset>(keyId, until));
            }
        }

        return found;
    }

    void RememberUnknown(string keyId, DateTimeOffset until)
    {
        if (_unknown.Count >= options.MaxUnknownKeys)
        {
            var now = time.GetUtcNow();
            foreach (var (id, expires) in _unknown)
            {
                if (expires <= now)
                {
                    _unknown.TryRemove(id, out _);
                }
            }

            // All still fresh: a flood of invented keys. Forgetting them costs one store read for each that comes back.
            if (_unknown.Count >= options.MaxUnknownKeys)
            {
                _unknown.Clear();
            }
        }

        _unknown[keyId] = until;
    }

    async Task<KnownKey?> LoadAsync(string keyId, Entry? stale)
    {
        try
        {
            var key = await store.FindKeyAsync(keyId, CancellationToken.None);
            var partner = key is null ? null : await store.FindPartnerAsync(key.PartnerId, CancellationToken.None);
            return key is null || partner is null ? null : new KnownKey(key, partner.ToCaller());
        }
        catch (Exception e) when (RedisFailures.IsFailure(e))
        {
            // The store is unreachable: what this instance knew a moment ago beats refusing every partner.
            Log.StoreUnavailable(logger, keyId, e);
            return stale?.Known;
        }
    }

    /// <summary>Forgets one key (it changed somewhere) or, with null, everything (messages may have been missed).</summary>
    public void Invalidate(string? keyId)
    {
        Interlocked.Increment(ref _invalidations);
        if (keyId is null)
        {
            _entries.Clear();
            _unknown.Clear();
        }
        else
        {
            _entries.TryRemove(keyId, out _);
            _unknown.TryRemove(keyId, out _);
        }
    }

    sealed record Entry(KnownKey Known, DateTimeOffset FreshUntil);
}

/// <summary>A stored key with the caller it authenticates as.</summary>
internal sealed record KnownKey(PartnerKey Key, Caller Caller);
