namespace Gateway.Erp.Outbound.Coalescing;

/// <summary>Keys as the batching loaders take them.</summary>
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
}
