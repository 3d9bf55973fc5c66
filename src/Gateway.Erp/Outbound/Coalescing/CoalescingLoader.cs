using System.Diagnostics;

namespace Gateway.Erp.Outbound.Coalescing;

/// <summary>
/// Turns many concurrent key lookups, from any number of independent requests, into few ERP calls:
/// <list type="bullet">
/// <item>a key already being fetched (or waiting to be) is not asked again: its callers share the one answer, so 100
/// concurrent reads of one SKU's stock make one ERP call, and a batch partly in flight only asks for the rest;</item>
/// <item>distinct keys of one group and traffic class join one open batch, up to the ERP's batch size: a batch opens with
/// its first key, is handed to the pipeline when <c>window</c> has passed (or at once when it is full), and keeps taking
/// keys while it waits there for the ERP's budget, until the moment its request is made. At a quota the wait for budget
/// is the batching window, so demand beyond the quota becomes fuller calls rather than a longer queue; an idle lookup
/// waits at most the window. A zero window turns batching across callers off: each lookup is its own call(s).</item>
/// <item>under a burst the budget may still have room, so calls would not wait for it: a batch whose window ended while
/// <paramref name="callsInFlight"/> calls of its kind are already on their way keeps taking keys until one of them ends
/// (or it fills, or <paramref name="maxHold"/> passes, so a hung call holds the next one no longer). Demand arriving
/// faster than the ERP answers becomes fuller calls, not more of them; an idle lookup is not held.</item>
/// </list>
/// Each caller waits only for its own keys and gets their answers (a key the ERP does not return is absent) or the
/// failure of the call that carried them; the shared call runs without any one caller's cancellation (a caller giving up
/// must not fail the others), bounded by the pipeline's total timeout. A group separates lookups that cannot share a call
/// (list prices per currency). Callers' rights are never mixed by sharing a call: every ERP request is made with the
/// gateway's own ERP credentials and asks for canonical facts shared by all callers; what a caller may see is decided
/// above the ports (customer scoping), never by which call brought the value.
/// </summary>
/// <param name="fetch">
/// One ERP call for the batch of a group and traffic class: it calls <c>close</c> when its request is about to be made
/// (each attempt; the keys are fixed at the first) and asks for exactly the keys it returns, at most
/// <paramref name="maxBatchSize"/>; keys it does not answer are absent.
/// </param>
/// <param name="callsInFlight">Calls of one group and class on their way beyond which a due batch is held; 0: never held.</param>
/// <param name="maxHold">Longest a due batch is held for a call on its way to end.</param>
internal sealed class CoalescingLoader<TValue>(
    string operation,
    int maxBatchSize,
    TimeSpan window,
    TimeProvider time,
    Func<string, ErpTrafficClass, Func<IReadOnlyList<string>>, Task<IReadOnlyDictionary<string, TValue>>> fetch,
    int callsInFlight = 0,
    TimeSpan maxHold = default)
    where TValue : class
{
    readonly Lock _gate = new();

    // Calls handed to the pipeline and not answered yet, per group and class.
    readonly Dictionary<(string Group, ErpTrafficClass Traffic), int> _calls = [];

    // Not Gateway.Core's SingleFlight, on purpose: a key here is in flight from the moment it joins an open batch, before
    // any call starts, and its promise is completed by whichever batch it landed in. Joining and batching happen under
    // one lock, and a batch forgets its keys under that lock before completing them. Through SingleFlight a flight would
    // be one caller's keys rather than one batch: a key's waiters would also wait for (and fail with) the other batches
    // its first caller's keys went into, and joining would be split from batch forming across two locks.
    readonly Dictionary<(string Group, string Key), TaskCompletionSource<TValue?>> _inFlight = [];

    // Interactive keys never join a background batch: it waits for budget behind the interactive ones.
    readonly Dictionary<(string Group, ErpTrafficClass Traffic), Batch> _open = [];

    /// <summary>Keys whose lookup is in flight or waiting in a batch now (for tests and diagnostics).</summary>
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
        List<Batch>? toSend = null;
        List<Batch>? opened = null;
        var joined = 0;
        lock (_gate)
        {
            _open.TryGetValue((group, traffic), out var open);
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
                if (open is null)
                {
                    open = new Batch(group, traffic);
                    _open[(group, traffic)] = open;
                    if (window > TimeSpan.Zero)
                    {
                        (opened ??= []).Add(open);
                    }
                }

                open.Add(keys[i], pending);
                if (open.Count >= maxBatchSize)
                {
                    CloseLocked(open);
                    SendOnceLocked(open, ref toSend);
                    open = null;
                }
            }

            if (window <= TimeSpan.Zero && open is not null)
            {
                // No batching across callers: this caller's keys go as they are, and nobody joins them.
                CloseLocked(open);
                SendOnceLocked(open, ref toSend);
            }
        }

        if (joined > 0)
        {
            ErpTelemetry.Coalesced.Add(joined, new TagList { { ErpTelemetry.OperationTag, operation } });
        }

        foreach (var batch in toSend ?? [])
        {
            _ = SendAsync(batch);
        }

        foreach (var batch in opened ?? [])
        {
            _ = SendWhenWindowEndsAsync(batch);
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
        List<Batch>? toSend = null;
        lock (_gate)
        {
            // Already sent because it filled up; otherwise it stays open while it waits for the budget.
            if (!batch.Sent && callsInFlight > 0 && _calls.GetValueOrDefault((batch.Group, batch.Traffic)) >= callsInFlight)
            {
                batch.Held = true;
            }
            else
            {
                SendOnceLocked(batch, ref toSend);
            }
        }

        if (batch.Held)
        {
            // Sent by the first call of its kind to end, by filling up, or now.
            await Task.Delay(maxHold, time);
            lock (_gate)
            {
                SendOnceLocked(batch, ref toSend);
            }
        }

        if (toSend is not null)
        {
            await SendAsync(batch);
        }
    }

    async Task SendAsync(Batch batch)
    {
        IReadOnlyDictionary<string, TValue>? answer = null;
        Exception? failure = null;
        try
        {
            answer = await fetch(batch.Group, batch.Traffic, () => Close(batch));
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        List<Batch>? released = null;
        lock (_gate)
        {
            // Refused before its request was made (budget, circuit): closed now, so that no key joins a failed call.
            CloseLocked(batch);
            var kind = (batch.Group, batch.Traffic);
            _calls[kind]--;
            if (_calls[kind] == 0)
            {
                _calls.Remove(kind);
            }

            if (_open.TryGetValue(kind, out var held) && held.Held)
            {
                SendOnceLocked(held, ref released);
            }

            // Forget the keys first: a lookup arriving after this answer must ask the ERP again, not reuse it.
            foreach (var (key, pending) in batch.Pending)
            {
                if (_inFlight.TryGetValue((batch.Group, key), out var current) && current == pending)
                {
                    _inFlight.Remove((batch.Group, key));
                }
            }
        }

        foreach (var next in released ?? [])
        {
            _ = SendAsync(next);
        }

        ErpTelemetry.BatchSize.Record(batch.Count, new TagList { { ErpTelemetry.OperationTag, operation } });
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

    /// <summary>The request is about to be made: the batch takes no more keys, and these are the ones it carries.</summary>
    IReadOnlyList<string> Close(Batch batch)
    {
        lock (_gate)
        {
            CloseLocked(batch);
            return batch.Keys;
        }
    }

    void CloseLocked(Batch batch)
    {
        if (batch.Closed)
        {
            return;
        }

        batch.Closed = true;
        if (_open.TryGetValue((batch.Group, batch.Traffic), out var open) && open == batch)
        {
            _open.Remove((batch.Group, batch.Traffic));
        }
    }

    void SendOnceLocked(Batch batch, ref List<Batch>? toSend)
    {
        if (!batch.Sent)
        {
            batch.Sent = true;
            var kind = (batch.Group, batch.Traffic);
            _calls[kind] = _calls.GetValueOrDefault(kind) + 1;
            (toSend ??= []).Add(batch);
        }
    }

    /// <summary>Keys of one group and class waiting for one ERP call; its state changes only under the loader's lock.</summary>
    sealed class Batch(string group, ErpTrafficClass traffic)
    {
        readonly List<string> _keys = [];

        public string Group { get; } = group;

        public ErpTrafficClass Traffic { get; } = traffic;

        /// <summary>Handed to the pipeline (by its window's end or by filling up); it may still take keys until closed.</summary>
        public bool Sent { get; set; }

        /// <summary>Its window ended while calls of its kind were on their way: it waits for one of them to end.</summary>
        public bool Held { get; set; }

        /// <summary>Its request is being made (or it has failed before one could be): its keys are fixed.</summary>
        public bool Closed { get; set; }

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
