using Gateway.Orders.Exceptions;

namespace Gateway.Orders.Storage;

/// <summary>Orders, their idempotency keys and exception entries: Redis when configured, memory otherwise.</summary>
internal interface IOrderStore
{
    /// <summary>Claims <paramref name="key"/> for a request whose canonical body hashes to <paramref name="requestHash"/>.</summary>
    Task<KeyClaim> ClaimKeyAsync(string key, string requestHash, CancellationToken cancellationToken);

    /// <summary>Gives a claimed key back (the request was refused), so a corrected request may use it.</summary>
    Task ReleaseKeyAsync(string key, string claimToken, CancellationToken cancellationToken);

    /// <summary>Writes the acceptance at once; false when the claim was lost meanwhile (nothing is written then).</summary>
    Task<bool> AcceptAsync(Acceptance acceptance, CancellationToken cancellationToken);

    /// <summary>
    /// Binds a claimed key to its answer alone, for a request whose durable record the ERP holds (a return): false when
    /// the claim was lost meanwhile (nothing is written then).
    /// </summary>
    Task<bool> AnswerKeyAsync(string key, string claimToken, StoredAnswer answer, CancellationToken cancellationToken);

    Task<OrderRecord?> GetAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>Replaces <paramref name="current"/> by <paramref name="next"/>; false when someone else wrote it first.</summary>
    Task<bool> TryReplaceAsync(OrderRecord current, OrderRecord next, CancellationToken cancellationToken);

    /// <summary>The order the ERP knows by <paramref name="erpOrderNumber"/>, for status events that carry only that.</summary>
    Task<string?> FindByErpOrderNumberAsync(string erpOrderNumber, CancellationToken cancellationToken);

    /// <summary>How many orders are in each status now; only the statuses <see cref="OrderStatusIndex"/> keeps.</summary>
    Task<IReadOnlyDictionary<OrderStatus, long>> CountByStatusAsync(CancellationToken cancellationToken);

    /// <summary>Orders in <paramref name="status"/> since before <paramref name="before"/>: how many, and the oldest <paramref name="max"/>.</summary>
    Task<StatusSlice> InStatusSinceAsync(OrderStatus status, DateTimeOffset before, int max, CancellationToken cancellationToken);

    Task AddExceptionAsync(ExceptionEntry entry, CancellationToken cancellationToken);

    Task<IReadOnlyList<ExceptionEntry>> ListExceptionsAsync(CancellationToken cancellationToken);

    Task<ExceptionEntry?> GetExceptionAsync(string exceptionId, CancellationToken cancellationToken);

    /// <summary>Replaces an entry; false when it changed since <paramref name="current"/> was read.</summary>
    Task<bool> TryReplaceExceptionAsync(ExceptionEntry current, ExceptionEntry next, CancellationToken cancellationToken);
}

/// <summary>Orders waiting for the ERP, shared by the hand-off workers of every instance.</summary>
internal interface IHandOffQueue
{
    Task EnqueueAsync(string orderId, CancellationToken cancellationToken);

    /// <summary>New entries for this instance, or entries an instance took and left unfinished for too long.</summary>
    Task<IReadOnlyList<HandOffEntry>> TakeAsync(int max, CancellationToken cancellationToken);

    /// <summary>Done with the entry: the ERP answered and the order's state is saved.</summary>
    Task CompleteAsync(HandOffEntry entry, CancellationToken cancellationToken);

    /// <summary>Tells the other instances this one is still working on these entries, so they do not take them over.</summary>
    Task RenewAsync(IReadOnlyCollection<HandOffEntry> entries, CancellationToken cancellationToken);

    /// <summary>Gives an unfinished entry back (this instance is stopping): the next instance to look takes it at once.</summary>
    Task ReleaseAsync(HandOffEntry entry, CancellationToken cancellationToken);
}

/// <summary>Orders whose ERP status is still moving, with when each is next due a status check.</summary>
internal interface IOpenOrders
{
    Task TrackAsync(string orderId, DateTimeOffset due, CancellationToken cancellationToken);

    /// <summary>Due orders, each leased to the caller until <paramref name="leaseUntil"/> so no other instance checks it meanwhile.</summary>
    Task<IReadOnlyList<string>> TakeDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);

    /// <summary>
    /// Gives back leased orders the caller did not check: due at <paramref name="due"/>, so another instance takes them
    /// at once instead of after the lease. An order forgotten meanwhile stays forgotten.
    /// </summary>
    Task GiveBackAsync(IReadOnlyCollection<string> orderIds, DateTimeOffset due, CancellationToken cancellationToken);

    Task ForgetAsync(string orderId, CancellationToken cancellationToken);
}
