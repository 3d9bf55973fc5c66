namespace Gateway.Orders.Exceptions;

/// <summary>An order an operator must look at: why, and what became of it.</summary>
/// <param name="PriceDifferences">For <see cref="ExceptionCategory.PriceMismatch"/>: the lines whose price differs from the ERP's.</param>
public sealed record ExceptionEntry(
    string ExceptionId,
    string OrderId,
    string CustomerId,
    ExceptionCategory Category,
    ExceptionStatus Status,
    string Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PriceDifference> PriceDifferences)
{
    /// <summary>A new, open entry for an order.</summary>
    public static ExceptionEntry Raise(
        string orderId, string customerId, ExceptionCategory category, string reason, DateTimeOffset now, IReadOnlyList<PriceDifference>? differences = null) =>
        new("exc_" + Guid.CreateVersion7(now).ToString("N"), orderId, customerId, category, ExceptionStatus.Open, reason, now, now, differences ?? []);
}

/// <summary>A line priced by the caller at <paramref name="SentUnitPrice"/> where the ERP quotes <paramref name="ErpUnitPrice"/>.</summary>
public sealed record PriceDifference(int Line, string Sku, int Quantity, decimal SentUnitPrice, decimal ErpUnitPrice);

/// <summary>Why an order is in the exception queue.</summary>
public enum ExceptionCategory
{
    /// <summary>A line's unit price differs from the ERP's; the order goes on, an operator reviews it.</summary>
    PriceMismatch,

    /// <summary>The customer is on credit hold; the order waits (<c>OnHold</c>) until replayed or cancelled.</summary>
    CreditHold,

    /// <summary>The ERP refused the order for good; replay after fixing the cause sends it under a new reference.</summary>
    ErpRejected,

    /// <summary>The ERP kept failing (unavailable or timing out) for longer than <c>Orders:GiveUpAfter</c>.</summary>
    ErpUnreachable,
}

/// <summary>Where an exception stands.</summary>
public enum ExceptionStatus
{
    Open,
    Replayed,
    Cancelled,

    /// <summary>An operator looked at it and closed it without touching the order (a price mismatch reviewed).</summary>
    Resolved,
}
