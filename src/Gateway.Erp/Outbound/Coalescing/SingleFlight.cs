namespace Gateway.Erp.Outbound.Coalescing;

/// <summary>Identical requests in flight at the same time share one ERP call (searches, order look-ups).</summary>
internal sealed class SingleFlight<TKey, TResult>
    where TKey : notnull
{
    readonly Lock _gate = new();
    readonly Dictionary<TKey, Task<TResult>> _inFlight = [];

    /// <param name="call">Started without the caller's cancellation: other callers may be waiting for it.</param>
    public Task<TResult> RunAsync(TKey key, Func<Task<TResult>> call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        Task<TResult> shared;
        lock (_gate)
        {
            if (!_inFlight.TryGetValue(key, out shared!))
            {
                shared = StartAsync(key, call);
                _inFlight[key] = shared;
            }
        }

        return shared.WaitAsync(cancellationToken);
    }

    async Task<TResult> StartAsync(TKey key, Func<Task<TResult>> call)
    {
        // Leave the lock before the call starts, so a synchronous failure cannot run under it.
        await Task.Yield();
        try
        {
            return await call();
        }
        finally
        {
            lock (_gate)
            {
                _inFlight.Remove(key);
            }
        }
    }
}
