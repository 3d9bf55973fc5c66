namespace ErpSimulator.Data;

/// <summary>
/// Every change the ERP made, in order, with a global token (1, 2, ...). The legacy <c>GetChanges</c> feed pages
/// through it and the webhook dispatcher follows it, so both carry the same events with the same ids.
/// </summary>
public sealed class ChangeLog
{
    private readonly Lock _lock = new();
    private readonly List<ChangeEvent> _events = [];
    private TaskCompletionSource _appended = NewSignal();

    /// <summary>The token of the newest event; 0 when nothing has changed yet.</summary>
    public long LastToken
    {
        get
        {
            lock (_lock)
            {
                return _events.Count;
            }
        }
    }

    /// <summary>Up to <paramref name="max"/> events whose token is greater than <paramref name="sinceToken"/>, oldest first.</summary>
    public IReadOnlyList<ChangeEvent> Since(long sinceToken, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sinceToken);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        lock (_lock)
        {
            if (sinceToken >= _events.Count || max == 0)
            {
                return [];
            }

            var start = (int)sinceToken;
            return _events.GetRange(start, Math.Min(max, _events.Count - start));
        }
    }

    /// <summary>Completes when an event newer than <paramref name="sinceToken"/> exists (at once if one does).</summary>
    public Task WaitForChangesAsync(long sinceToken, CancellationToken cancellationToken)
    {
        Task signal;
        lock (_lock)
        {
            if (_events.Count > sinceToken)
            {
                return Task.CompletedTask;
            }

            signal = _appended.Task;
        }

        return signal.WaitAsync(cancellationToken);
    }

    /// <summary>Appends the event <paramref name="create"/> builds for the next token. Callers hold the entity's write lock, so per-entity order is the log's order.</summary>
    internal ChangeEvent Append(Func<long, ChangeEvent> create)
    {
        TaskCompletionSource appended;
        ChangeEvent change;
        lock (_lock)
        {
            change = create(_events.Count + 1);
            _events.Add(change);
            appended = _appended;
            _appended = NewSignal();
        }

        appended.TrySetResult();
        return change;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
