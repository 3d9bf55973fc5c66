using System.Collections.Concurrent;
using Gateway.Core.Diagnostics;
using Microsoft.Extensions.Options;

namespace Gateway.Versions.Usage;

/// <summary>
/// This instance's calls per subject (a version, <c>v1</c>, or a deprecated GraphQL field, <c>Product.description</c>),
/// caller, route and UTC day, counted in memory: a request costs a dictionary lookup and two interlocked writes, never a
/// Redis round trip; <see cref="UsageFlusher"/> drains the counts to the <see cref="IUsageStore"/> in batches. Bounded:
/// subjects are the served versions and the configured fields, routes are the endpoints' templates, callers are those
/// authentication admitted (partners and apps hold credentials the gateway issued or trusts; anonymous callers count as
/// one), and at most <see cref="UsageOptions.MaxEntries"/> cells exist at once; past that, calls are dropped from the
/// counts (and from nothing else) with a throttled warning.
/// </summary>
public sealed class UsageCounter(IOptions<UsageOptions> options, TimeProvider time, ILogger<UsageCounter> logger)
{
    readonly ConcurrentDictionary<UsageKey, UsageCell> _cells = new();
    readonly ConcurrentDictionary<string, StrongBox> _totals = new(StringComparer.Ordinal);
    readonly int _maxEntries = options.Value.MaxEntries;
    readonly LogThrottle _bound = new(time, TimeSpan.FromMinutes(1));
    int _count;

    /// <summary>Counts one call of <paramref name="subject"/> by <paramref name="callerId"/> on <paramref name="route"/>, now.</summary>
    public void Record(string subject, string callerId, string route)
    {
        var now = time.GetUtcNow();
        var key = new UsageKey(subject, callerId, route, DateOnly.FromDateTime(now.UtcDateTime).DayNumber);
        if (!_cells.TryGetValue(key, out var cell))
        {
            if (Interlocked.Increment(ref _count) > _maxEntries)
            {
                Interlocked.Decrement(ref _count);
                if (_bound.ShouldLog(out var leftOut))
                {
                    Log.UsageBoundReached(logger, _maxEntries, leftOut + 1);
                }

                return;
            }

            var created = new UsageCell();
            cell = _cells.GetOrAdd(key, created);
            if (!ReferenceEquals(cell, created))
            {
                Interlocked.Decrement(ref _count);
            }
        }

        cell.Add(now.ToUnixTimeMilliseconds());
        Interlocked.Increment(ref TotalOf(subject).Value);
    }

    /// <summary>Calls counted by this instance since it started, per subject: the Prometheus counter's source.</summary>
    public IEnumerable<KeyValuePair<string, long>> Totals()
    {
        foreach (var (subject, total) in _totals)
        {
            yield return new(subject, Volatile.Read(ref total.Value));
        }
    }

    /// <summary>
    /// Takes every count not yet flushed. A cell is never removed while its day lasts, so a call racing the drain is
    /// either in this batch or in the next; cells of past days are removed once drained.
    /// </summary>
    public IReadOnlyList<UsageDelta> Drain()
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).DayNumber;
        var deltas = new List<UsageDelta>();
        foreach (var (key, cell) in _cells)
        {
            var (calls, last) = cell.Take();
            if (calls > 0)
            {
                deltas.Add(new UsageDelta(key, calls, last));
            }
            else if (key.Day < today && _cells.TryRemove(new KeyValuePair<UsageKey, UsageCell>(key, cell)))
            {
                Interlocked.Decrement(ref _count);
            }
        }

        return deltas;
    }

    /// <summary>Puts back counts whose flush failed, so they go with the next one.</summary>
    public void Restore(IEnumerable<UsageDelta> deltas)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        foreach (var delta in deltas)
        {
            var created = new UsageCell();
            var cell = _cells.GetOrAdd(delta.Key, created);
            if (ReferenceEquals(cell, created))
            {
                Interlocked.Increment(ref _count);
            }

            cell.Add(delta.LastCalledAtMs, delta.Calls);
        }
    }

    StrongBox TotalOf(string subject) =>
        _totals.TryGetValue(subject, out var total) ? total : _totals.GetOrAdd(subject, static _ => new StrongBox());

    sealed class StrongBox
    {
        public long Value;
    }
}

/// <summary>What one count is about. <see cref="Day"/> is the UTC day's <see cref="DateOnly.DayNumber"/>.</summary>
public readonly record struct UsageKey(string Subject, string CallerId, string Route, int Day)
{
    public DateOnly Date => DateOnly.FromDayNumber(Day);
}

/// <summary>Calls counted for <see cref="Key"/> since the previous flush, and the last one's instant (Unix milliseconds).</summary>
public readonly record struct UsageDelta(UsageKey Key, long Calls, long LastCalledAtMs);

/// <summary>One key's pending calls and the latest call's instant; both written without a lock.</summary>
internal sealed class UsageCell
{
    long _calls;
    long _lastMs;

    public void Add(long atMs, long calls = 1)
    {
        Interlocked.Add(ref _calls, calls);
        long seen;
        while (atMs > (seen = Volatile.Read(ref _lastMs)) && Interlocked.CompareExchange(ref _lastMs, atMs, seen) != seen)
        {
        }
    }

    public (long Calls, long LastMs) Take() => (Interlocked.Exchange(ref _calls, 0), Volatile.Read(ref _lastMs));
}
