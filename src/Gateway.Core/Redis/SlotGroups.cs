using StackExchange.Redis;

namespace Gateway.Core.Redis;

/// <summary>
/// Splits a batch of independent per-key work (a multi-get, a script that loops over its keys) into parts whose keys
/// share one hash slot, so each part is one command a Redis Cluster can route. On a single Redis the client reports no
/// slots and the whole batch stays one part, one command, as before.
/// </summary>
public static class SlotGroups
{
    /// <summary>The indexes <c>0..count-1</c> grouped by the slot of <paramref name="keyOf"/> (the key that routes each item).</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Of(IConnectionMultiplexer multiplexer, int count, Func<int, RedisKey> keyOf)
    {
        ArgumentNullException.ThrowIfNull(multiplexer);
        ArgumentNullException.ThrowIfNull(keyOf);
        if (count == 0)
        {
            return [];
        }

        var first = multiplexer.HashSlot(keyOf(0));
        var i = 1;
        while (i < count && multiplexer.HashSlot(keyOf(i)) == first)
        {
            i++;
        }

        if (i == count)
        {
            return [new All(count)];
        }

        var groups = new Dictionary<int, List<int>>();
        for (var j = 0; j < count; j++)
        {
            var slot = multiplexer.HashSlot(keyOf(j));
            if (!groups.TryGetValue(slot, out var group))
            {
                groups[slot] = group = [];
            }

            group.Add(j);
        }

        return [.. groups.Values];
    }

    /// <summary>Every index of a batch in one slot, without listing them.</summary>
    sealed class All(int count) : IReadOnlyList<int>
    {
        public int this[int index] => (uint)index < (uint)count ? index : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => count;

        public IEnumerator<int> GetEnumerator() => Enumerable.Range(0, count).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
