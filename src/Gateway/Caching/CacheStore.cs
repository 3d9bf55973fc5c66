using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Gateway.Caching;

/// <summary>
/// What every cache region shares: the in-process level (L1), the optional Redis level (L2), a generation per key that
/// every invalidation bumps (a fill that started before an invalidation must not store its older value), and a floor
/// below which entries no longer count (raised after a Redis outage, when invalidations may have been missed).
/// </summary>
internal sealed class CacheStore : IDisposable
{
    const int Stripes = 64;

    readonly MemoryCache _local;
    readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    readonly Lock[] _stripes = [.. Enumerable.Range(0, Stripes).Select(_ => new Lock())];
    long _floorTicks;

    public CacheStore(CachingOptions options, RedisLevel? remote, TimeProvider time)
    {
        _local = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.MaxLocalEntries });
        Remote = remote;
        CreatedAt = time.GetTimestamp();
    }

    /// <summary>When this store was created (a <see cref="TimeProvider"/> timestamp): nothing was cached before it.</summary>
    public long CreatedAt { get; }

    /// <summary>L2; null in the embedded mode.</summary>
    public RedisLevel? Remote { get; }

    /// <summary>Entries stored before this instant are treated as absent, on both levels.</summary>
    public DateTimeOffset Floor => new(Interlocked.Read(ref _floorTicks), TimeSpan.Zero);

    public long Generation(string fullKey) => _generations.GetValueOrDefault(fullKey);

    /// <summary>After an L1 entry was invalidated (its full key), or every entry (null: the floor was raised).</summary>
    public event Action<string?>? Invalidated;

    /// <summary>The L1 entry of a key, fresh or not; null when absent or below the floor.</summary>
    public CacheEntry? Local(string fullKey) =>
        _local.TryGetValue(fullKey, out CacheEntry? entry) && entry!.StoredAt >= Floor ? entry : null;

    /// <summary>Stores in L1 unless the key was invalidated since <paramref name="generation"/> was read.</summary>
    public bool TryStoreLocal(string fullKey, CacheEntry entry, long generation, TimeSpan retention)
    {
        lock (Stripe(fullKey))
        {
            if (Generation(fullKey) != generation)
            {
                return false;
            }

            _local.Set(fullKey, entry, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = retention });
            return true;
        }
    }

    /// <summary>Drops the L1 entry and bumps the generation, in one step as far as fills are concerned.</summary>
    public void InvalidateLocal(string fullKey)
    {
        lock (Stripe(fullKey))
        {
            _generations.AddOrUpdate(fullKey, 1, static (_, g) => g + 1);
            _local.Remove(fullKey);
        }

        Invalidated?.Invoke(fullKey);
    }

    /// <summary>Entries older than <paramref name="instant"/> no longer count (never lowers the floor).</summary>
    public void RaiseFloor(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        long current;
        while ((current = Interlocked.Read(ref _floorTicks)) < ticks && Interlocked.CompareExchange(ref _floorTicks, ticks, current) != current)
        {
        }

        Invalidated?.Invoke(null);
    }

    Lock Stripe(string key) => _stripes[(uint)key.GetHashCode(StringComparison.Ordinal) % Stripes];

    public void Dispose() => _local.Dispose();
}

/// <summary>A cached answer for one key: the value, or the knowledge that the ERP has none (<see cref="Found"/> false).</summary>
internal sealed record CacheEntry(object? Value, bool Found, DateTimeOffset StoredAt);
