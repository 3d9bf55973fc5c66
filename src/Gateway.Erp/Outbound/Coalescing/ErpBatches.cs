namespace Gateway.Erp.Outbound.Coalescing;

/// <summary>Keys cut into the pieces one ERP call may carry.</summary>
internal static class ErpBatches
{
    /// <summary>The distinct, non-blank keys in the order first asked for.</summary>
    public static IReadOnlyList<string> Distinct(IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new List<string>();
        foreach (var key in keys)
        {
            if (!string.IsNullOrWhiteSpace(key) && seen.Add(key))
            {
                distinct.Add(key);
            }
        }

        return distinct;
    }

    /// <summary>Consecutive slices of at most <paramref name="maxBatchSize"/> keys: ceil(n / max) calls for n keys.</summary>
    public static IEnumerable<IReadOnlyList<string>> Split(IReadOnlyList<string> keys, int maxBatchSize)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        for (var start = 0; start < keys.Count; start += maxBatchSize)
        {
            var size = Math.Min(maxBatchSize, keys.Count - start);
            var slice = new string[size];
            for (var i = 0; i < size; i++)
            {
                slice[i] = keys[start + i];
            }

            yield return slice;
        }
    }
}
