namespace Gateway.Core.Concurrency;

/// <summary>
/// Concurrent callers of one key share one call in flight, which no single caller's cancellation cancels: each caller
/// stops waiting with its own token while the call runs on for the others. A call is forgotten before its callers see
/// its outcome, so a caller arriving after it ends (in success or failure) starts afresh.
/// </summary>
/// <remarks>
/// A flight carries the version its key was at when it began (for a cache, the key's generation, which an invalidation
/// bumps). A caller joins only a flight of the version it read: one begun before an invalidation may bring back what the
/// change replaced, so the caller starts a new flight, which later callers join; those already waiting keep the old one.
/// </remarks>
public sealed class SingleFlight<TKey, TResult>
    where TKey : notnull
{
    readonly Lock _gate = new();
    readonly Dictionary<TKey, Flight> _inFlight = [];

    /// <summary>Keys with a call in flight now (for tests and diagnostics).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _inFlight.Count;
            }
        }
    }

    /// <summary>Joins the call in flight for <paramref name="key"/>, or starts <paramref name="call"/>.</summary>
    /// <param name="call">Started without the caller's cancellation: other callers may be waiting for it.</param>
    public Task<TResult> RunAsync(TKey key, Func<Task<TResult>> call, CancellationToken cancellationToken) =>
        RunAsync(key, 0, call, cancellationToken);

    /// <summary>Joins the call in flight for <paramref name="key"/> if it began at <paramref name="version"/>, or starts <paramref name="call"/>.</summary>
    /// <param name="call">Started without the caller's cancellation: other callers may be waiting for it.</param>
    public Task<TResult> RunAsync(TKey key, long version, Func<Task<TResult>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return JoinOrStart([(key, version)], _ => call()).Single().WaitAsync(cancellationToken);
    }

    /// <summary>
    /// For a call that answers many keys at once: each key joins the flight in progress for it at its version, and the
    /// keys left (if any) are answered by one new call, started with them.
    /// </summary>
    /// <param name="keys">Distinct keys, each with the version it was read at.</param>
    /// <param name="call">Given the keys no flight was answering; started without any caller's cancellation.</param>
    /// <returns>The distinct flights that answer the keys; each caller awaits them with its own token.</returns>
    public IReadOnlyCollection<Task<TResult>> JoinOrStart(IEnumerable<(TKey Key, long Version)> keys, Func<IReadOnlyList<TKey>, Task<TResult>> call)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(call);
        var flights = new HashSet<Task<TResult>>();
        List<(TKey Key, long Version)>? owned = null;
        lock (_gate)
        {
            foreach (var (key, version) in keys)
            {
                if (_inFlight.TryGetValue(key, out var current) && current.Version == version)
                {
                    flights.Add(current.Call.Answer);
                }
                else
                {
                    (owned ??= []).Add((key, version));
                }
            }

            if (owned is not null)
            {
                var mine = new Call();
                mine.Answer = FlyAsync(mine, owned, call);
                foreach (var (key, version) in owned)
                {
                    _inFlight[key] = new Flight(mine, version);
                }

                flights.Add(mine.Answer);
            }
        }

        return flights;
    }

    async Task<TResult> FlyAsync(Call mine, List<(TKey Key, long Version)> owned, Func<IReadOnlyList<TKey>, Task<TResult>> call)
    {
        // Leave the lock before the call starts, so a synchronous failure cannot run under it, nor end the flight before
        // its keys are registered.
        await Task.Yield();
        try
        {
            return await call([.. owned.Select(k => k.Key)]);
        }
        finally
        {
            lock (_gate)
            {
                foreach (var (key, _) in owned)
                {
                    // A newer flight may have taken the key's place: that one stays.
                    if (_inFlight.TryGetValue(key, out var current) && current.Call == mine)
                    {
                        _inFlight.Remove(key);
                    }
                }
            }
        }
    }

    /// <summary>One call in flight, possibly answering many keys.</summary>
    sealed class Call
    {
        public Task<TResult> Answer { get; set; } = null!;
    }

    /// <summary>The call answering a key, begun when the key was at <paramref name="Version"/>.</summary>
    readonly record struct Flight(Call Call, long Version);
}
