namespace Gateway.Orders.Storage;

/// <summary>
/// Read-change-write of one order with optimistic concurrency: the hand-off worker, the status poller, the event
/// consumer and an operator may all touch an order at once; a lost race re-reads and re-applies the change.
/// </summary>
internal sealed class OrderWriter(IOrderStore store, IEnumerable<IOrderObserver> observers)
{
    /// <param name="change">The next state, or null to leave the order as it is (the change no longer applies).</param>
    /// <returns>The order as stored afterwards; null when it does not exist.</returns>
    public Task<OrderRecord?> UpdateAsync(string orderId, Func<OrderRecord, Order?> change, CancellationToken cancellationToken) =>
        UpdateRecordAsync(orderId, current => change(current) is { } order && order != current.Order ? current with { Order = order } : null, cancellationToken);

    /// <summary>Like <see cref="UpdateAsync"/>, for changes beyond what callers see (the ERP reference).</summary>
    public async Task<OrderRecord?> UpdateRecordAsync(string orderId, Func<OrderRecord, OrderRecord?> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await store.GetAsync(orderId, cancellationToken) is not { } current)
            {
                return null;
            }

            if (change(current) is not { } changed)
            {
                return current;
            }

            var next = changed with { Version = current.Version + 1 };
            if (await store.TryReplaceAsync(current, next, cancellationToken))
            {
                OrdersTelemetry.Moved(current.Order, next.Order);
                foreach (var observer in observers)
                {
                    observer.OnSaved(current, next);
                }

                return next;
            }
        }
    }
}
