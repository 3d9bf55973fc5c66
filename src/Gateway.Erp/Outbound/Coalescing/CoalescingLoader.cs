using System.Diagnostics;

namespace Gateway.Erp.Outbound.Coalescing;

/// <summary>
/// Turns many concurrent key lookups into few ERP calls:
/// <list type="bullet">
/// <item>a key already being fetched (or waiting to be) is not asked again: its callers share the one answer, so 100
/// concurrent reads of one SKU's stock make one ERP call, and a batch partly in flight only asks for the rest;</item>
/// <item>keys arriving within <c>window</c> of each other for the same group are sent together, up to the ERP's batch size,
/// so concurrent single-key reads become one batched call; an idle lookup waits at most the window.</item>
/// </list>
/// The shared call runs without any one caller's cancellation (a caller giving up must not fail the others); the
/// pipeline's total timeout bounds it. A group separates lookups that cannot share a call (e.g. prices per customer and quantity).
/// </summary>
/// <param name="fetch">One ERP call for at most <paramref name="maxBatchSize"/> keys; keys it does not return are absent.</param>
internal sealed class CoalescingLoader<TValue>(
    string operation,
    int maxBatchSize,
    TimeSpan window,
    TimeProvider time,
    Func<string, IReadOnlyList<string>, ErpTrafficClass, Task<IReadOnlyDictionary<string, TValue>>> fetch)
    where TValue : class
{
    readonly Lock _gate = new();

    // Not Gateway.Core's SingleFlight, on purpose: a key here is in flight from the moment it joins a forming batch, before
    // any call starts, and its promise is completed by whichever batch it landed in. Joining and enqueueing happen under
    // one lock, and a batch forgets its keys under that lock before completing them. Through SingleFlight a flight would
    // be one caller's keys rather than one batch: a key's waiters would also wait for (and fail with) the other batches
    // its first caller's keys went into, and joining would be split from batch forming across two locks.
    readonly Dictionary<(string Group, string Key), TaskCompletionSource<TValue?>> _inFlight = [];
    readonly Dictionary<string, Batch> _forming = new(StringComparer.Ordinal);

    /// <summary>Keys whose lookup is in flight or forming now (for tests and diagnostics).</summary>
    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight.Count;
            }
        }
    }

    /// <returns>The values found, by key; unknown keys are absent.</returns>
    public async Task<IReadOnlyDictionary<string, TValue>> LoadAsync(string group, IReadOnlyList<string> keys, ErpTrafficClass traffic, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var waits = new Task<TValue?>[keys.Count];
        List<Batch>? ready = null;
        Batch? started = null;
        var joined = 0;
        lock (_gate)
        {
            _forming.TryGetValue(group, out var forming);
            if (forming is not null && traffic == ErpTrafficClass.Interactive)
            {
                forming.Traffic = ErpTrafficClass.Interactive;
            }

            for (var i = 0; i < keys.Count; i++)
            {
                if (_inFlight.TryGetValue((group, keys[i]), out var shared))
                {
                    waits[i] = shared.Task;
                    joined++;
                    continue;
                }

                var pending = new TaskCompletionSource<TValue?>(TaskCreationOptions.RunContinuationsAsynchronously);
                _inFlight[(group, keys[i])] = pending;
                waits[i] = pending.Task;
                if (forming is null)
                {
                    forming = started = new Batch(group, traffic);
                    _forming[group] = forming;
                }

                forming.Add(keys[i], pending);
                if (forming.Count >= maxBatchSize)
                {
                    (ready ??= []).Add(forming);
                    _forming.Remove(group);
                    forming = null;
                }
            }

            if (window <= TimeSpan.Zero && forming is not null)
            {
                (ready ??= []).Add(forming);
                _forming.Remove(group);
                started = null;
            }
        }

        if (joined > 0)
        {
            ErpTelemetry.Coalesced.Add(joined, new TagList { { ErpTelemetry.OperationTag, operation } });
        }

        foreach (var batch in ready ?? [])
        {
            _ = SendAsync(batch);
        }

        if (started is not null && window > TimeSpan.Zero)
        {
            _ = SendWhenWindowEndsAsync(started);
        }

        await Task.WhenAll(waits).WaitAsync(cancellationToken);
        var found = new Dictionary<string, TValue>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (waits[i].Result is { } value)
            {
                found[keys[i]] = value;
            }
        }

        return found;
    }

    async Task SendWhenWindowEndsAsync(Batch batch)
    {
        await Task.Delay(window, time);
        lock (_gate)
        {
            // Already sent because it filled up.
            if (!_forming.TryGetValue(batch.Group, out var forming) || forming != batch)
            {
                return;
            }

            _forming.Remove(batch.Group);
        }

        await SendAsync(batch);
    }

    async Task SendAsync(Batch batch)
    {
        IReadOnlyDictionary<string, TValue>? answer = null;
        Exception? failure = null;
        try
        {
            answer = await fetch(batch.Group, batch.Keys, batch.Traffic);
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        lock (_gate)
        {
            // Forget the keys first: a lookup arriving after this answer must ask the ERP again, not reuse it.
            foreach (var (key, pending) in batch.Pending)
            {
                if (_inFlight.TryGetValue((batch.Group, key), out var current) && current == pending)
                {
                    _inFlight.Remove((batch.Group, key));
                }
            }
        }

        foreach (var (key, pending) in batch.Pending)
        {
            if (failure is not null)
            {
                pending.TrySetException(failure);
            }
            else
            {
                pending.TrySetResult(answer!.TryGetValue(key, out var value) ? value : null);
            }
        }
    }

    sealed class Batch(string group, ErpTrafficClass traffic)
    {
        readonly List<string> _keys = [];

        public string Group { get; } = group;

        /// <summary>Interactive as soon as one interactive caller waits for it.</summary>
        public ErpTrafficClass Traffic { get; set; } = traffic;

        public List<(string Key, TaskCompletionSource<TValue?> Pending)> Pending { get; } = [];

        public IReadOnlyList<string> Keys => _keys;

        public int Count => _keys.Count;

        public void Add(string key, TaskCompletionSource<TValue?> pending)
        {
            _keys.Add(key);
            Pending.Add((key, pending));
        }
    }
}
