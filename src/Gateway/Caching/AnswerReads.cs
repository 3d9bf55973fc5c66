namespace Gateway.Caching;

/// <summary>
/// The cached reads one answer is built from, recorded by the caching ports for a request that asks for it (a typed
/// request feature, like <see cref="CacheOutcomeFeature"/>). A copy of the answer may then be kept exactly as long as
/// every read still holds (<see cref="KeptReads"/>): the same L1 entry still there and fresh, the same search page still
/// current. An answer that needed the ERP, was served anything stale, or read anything the cache does not track is not
/// kept at all, so a kept copy is never older than the entries a fresh answer would be built from.
/// </summary>
internal sealed class AnswerReads
{
    readonly Lock _lock = new();
    readonly List<EntryRead> _entries = [];
    readonly List<Func<DateTimeOffset, bool>> _others = [];
    bool _untracked;

    /// <summary>Something was read that no fresh cached entry stands for: the answer must not be kept.</summary>
    public void Untracked()
    {
        lock (_lock)
        {
            _untracked = true;
        }
    }

    /// <summary>A fresh L1 entry was read.</summary>
    public void Entry(in EntryRead read)
    {
        lock (_lock)
        {
            _entries.Add(read);
        }
    }

    /// <summary>A read whose validity the reader checks itself (a search page).</summary>
    public void Other(Func<DateTimeOffset, bool> stillHolds)
    {
        lock (_lock)
        {
            _others.Add(stillHolds);
        }
    }

    /// <summary>The reads, when every one was a fresh cached entry; null otherwise.</summary>
    public KeptReads? Seal()
    {
        lock (_lock)
        {
            return _untracked ? null : new KeptReads([.. _entries], [.. _others]);
        }
    }
}

/// <summary>The reads a kept answer stands on; it may be served while they all still hold.</summary>
internal sealed class KeptReads(EntryRead[] entries, Func<DateTimeOffset, bool>[] others)
{
    public int Count => entries.Length + others.Length;

    public bool StillHold(DateTimeOffset now)
    {
        foreach (var entry in entries)
        {
            if (!entry.Holds(now))
            {
                return false;
            }
        }

        foreach (var other in others)
        {
            if (!other(now))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>An L1 entry read fresh: it holds while the very same entry is in L1 (not invalidated, refilled or below the floor) and fresh.</summary>
internal readonly record struct EntryRead(CacheStore Store, string FullKey, CacheEntry Entry, DateTimeOffset FreshUntil)
{
    public bool Holds(DateTimeOffset now) => now < FreshUntil && ReferenceEquals(Store.Local(FullKey), Entry);
}
