namespace Gateway.Caching;

internal sealed partial class CacheRegion<T>
{
    /// <summary>
    /// Stores in L1 values another ERP call brought along (the products of a search page), for keys not cached yet.
    /// <paramref name="unchanged"/> says whether no key of this region was invalidated since that call began: each
    /// key's generation is read first, so an invalidation after the check still turns the store away.
    /// </summary>
    public void PrimeLocal(IEnumerable<KeyValuePair<string, T>> values, Func<bool> unchanged)
    {
        var storedAt = time.GetUtcNow();
        foreach (var (key, value) in values)
        {
            var fullKey = FullKey(key);
            var generation = store.Generation(fullKey);
            if (!unchanged())
            {
                return;
            }

            if (store.Local(fullKey) is null)
            {
                store.TryStoreLocal(fullKey, new CacheEntry(value, true, storedAt), generation, policy.Retention);
            }
        }
    }
}
