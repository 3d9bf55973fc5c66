using System.Collections.Concurrent;

namespace ErpSimulator.Backends;

/// <summary>
/// What one backend saw: calls received, calls and items per operation, the most calls in flight at once, and the
/// refusals it sent (legacy <c>ServerBusy</c> faults, cloud 429s). Lock-free: it sits on every call's path.
/// </summary>
public sealed class BackendStats
{
    private readonly ConcurrentDictionary<string, OperationCounter> _operations = new(StringComparer.Ordinal);
    private long _calls;
    private long _inFlight;
    private long _maxConcurrency;
    private long _busyFaults;
    private long _throttled;

    /// <summary>Counts a call and holds it in flight until the scope is disposed.</summary>
    public CallScope Enter()
    {
        Interlocked.Increment(ref _calls);
        var inFlight = Interlocked.Increment(ref _inFlight);
        RaiseMax(inFlight);
        return new CallScope(this, inFlight);
    }

    /// <summary>
    /// Counts a call and admits it only while fewer than <paramref name="limit"/> are in flight; null when refused
    /// (the caller answers <c>ServerBusy</c> and calls <see cref="BusyFault"/>). A refused call never counts toward
    /// <c>maxConcurrency</c>, which therefore shows the most calls actually served at once.
    /// </summary>
    public CallScope? TryEnter(int limit)
    {
        Interlocked.Increment(ref _calls);
        var inFlight = Interlocked.Increment(ref _inFlight);
        if (inFlight > limit)
        {
            Interlocked.Decrement(ref _inFlight);
            return null;
        }

        RaiseMax(inFlight);
        return new CallScope(this, inFlight);
    }

    /// <summary>Counts one served call of <paramref name="operation"/> that asked for <paramref name="items"/> SKUs or ids.</summary>
    public void Record(string operation, int items)
    {
        var counter = _operations.GetOrAdd(operation, static _ => new OperationCounter());
        Interlocked.Increment(ref counter.Calls);
        Interlocked.Add(ref counter.Items, items);
    }

    public void BusyFault() => Interlocked.Increment(ref _busyFaults);

    public void Throttled() => Interlocked.Increment(ref _throttled);

    public long InFlight => Interlocked.Read(ref _inFlight);

    public BackendStatsSnapshot Snapshot() => new(
        Interlocked.Read(ref _calls),
        Interlocked.Read(ref _busyFaults),
        Interlocked.Read(ref _throttled),
        Interlocked.Read(ref _maxConcurrency),
        _operations.OrderBy(o => o.Key, StringComparer.Ordinal).ToDictionary(
            o => o.Key, o => new OperationStats(Interlocked.Read(ref o.Value.Calls), Interlocked.Read(ref o.Value.Items)), StringComparer.Ordinal));

    /// <summary>Zeroes the counters; the high-water mark restarts from the calls in flight right now.</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref _calls, 0);
        Interlocked.Exchange(ref _busyFaults, 0);
        Interlocked.Exchange(ref _throttled, 0);
        Interlocked.Exchange(ref _maxConcurrency, Interlocked.Read(ref _inFlight));
        _operations.Clear();
    }

    private void Leave() => Interlocked.Decrement(ref _inFlight);

    private void RaiseMax(long inFlight)
    {
        var max = Interlocked.Read(ref _maxConcurrency);
        while (inFlight > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxConcurrency, inFlight, max);
            if (seen == max)
            {
                return;
            }

            max = seen;
        }
    }

    private sealed class OperationCounter
    {
        public long Calls;
        public long Items;
    }

    /// <summary>One call in flight; disposing it (once) ends the call.</summary>
    public sealed class CallScope : IDisposable
    {
        private BackendStats? _owner;

        internal CallScope(BackendStats owner, long concurrency) => (_owner, Concurrency) = (owner, concurrency);

        /// <summary>Calls in flight on this backend when this one entered, itself included.</summary>
        public long Concurrency { get; }

        public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Leave();
    }
}

public sealed record OperationStats(long Calls, long Items);

public sealed record BackendStatsSnapshot(
    long Calls, long BusyFaults, long Throttled, long MaxConcurrency, IReadOnlyDictionary<string, OperationStats> Operations);
