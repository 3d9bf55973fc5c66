namespace Gateway.Orders.Storage;

/// <summary>
/// An order as stored: what callers see, plus what only the gateway needs. <paramref name="Version"/> grows with every
/// write, so that concurrent writers (hand-off, status poller, operator) never overwrite each other's change.
/// </summary>
/// <param name="CallerId">Who placed it (its idempotency keys are scoped to that caller).</param>
/// <param name="ErpReference">The external reference the ERP knows the order by: the order id, or a new one after a rejected order is replayed.</param>
/// <param name="TraceParent">
/// The W3C <c>traceparent</c> of the request that accepted it, so that its hand-off (on any instance, after any restart)
/// continues that trace and later status changes link to it; null when that request had no trace context.
/// </param>
/// <param name="Returns">The returns requested through the gateway, each as last seen (<see cref="Returns.ReturnProgress"/>).</param>
internal sealed record OrderRecord(
    Order Order, long Version, string CallerId, string ErpReference, string? TraceParent = null, IReadOnlyList<Returns.KnownReturn>? Returns = null)
{
    public string OrderId => Order.OrderId;

    public OrderStatus Status => Order.Status;

    /// <summary>The next version with <paramref name="order"/> in it.</summary>
    public OrderRecord With(Order order) => this with { Order = order, Version = Version + 1 };
}

/// <summary>The first answer given under an idempotency key, replayed for a repeat of the same request.</summary>
internal sealed record StoredAnswer(string RequestHash, int StatusCode, string Location, string Body);

/// <summary>What claiming an idempotency key found.</summary>
internal enum KeyClaimOutcome
{
    /// <summary>The key is ours: go on and accept the order.</summary>
    Claimed,

    /// <summary>The same request was answered before: replay <see cref="KeyClaim.Answer"/>.</summary>
    Replay,

    /// <summary>The key was used for another request body.</summary>
    Conflict,

    /// <summary>The same request is being handled right now by another call.</summary>
    InFlight,
}

internal sealed record KeyClaim(KeyClaimOutcome Outcome, string? Token = null, StoredAnswer? Answer = null);

/// <summary>Everything acceptance writes, all or nothing: the order, its answer under the key, its exceptions, its hand-off.</summary>
internal sealed record Acceptance(
    string IdempotencyKey,
    string ClaimToken,
    StoredAnswer Answer,
    OrderRecord Order,
    IReadOnlyList<Exceptions.ExceptionEntry> Exceptions,
    bool HandOff);

/// <summary>One order waiting to be handed to the ERP; <paramref name="EntryId"/> is the queue's own id.</summary>
internal sealed record HandOffEntry(string EntryId, string OrderId);
