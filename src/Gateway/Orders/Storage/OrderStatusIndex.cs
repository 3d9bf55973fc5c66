namespace Gateway.Orders.Storage;

/// <summary>
/// Which orders the stores index by their current status, and since when: every status an order can still leave.
/// Invoiced and Cancelled are final and would only grow, so they are not kept (their arrivals are counted by
/// <c>gateway_orders_entered_total</c>).
/// </summary>
internal static class OrderStatusIndex
{
    public static readonly OrderStatus[] Tracked =
    [
        OrderStatus.Accepted, OrderStatus.OnHold, OrderStatus.SubmittedToErp, OrderStatus.Confirmed,
        OrderStatus.Allocated, OrderStatus.Shipped, OrderStatus.Rejected,
    ];

    public static bool IsTracked(OrderStatus status) => status is not (OrderStatus.Invoiced or OrderStatus.Cancelled);

    /// <summary>When the order entered its current status.</summary>
    public static DateTimeOffset Since(Order order) => order.StatusHistory.Count > 0 ? order.StatusHistory[^1].At : order.CreatedAt;
}

/// <summary>Orders in one status for longer than asked: how many, and the oldest of them.</summary>
internal sealed record StatusSlice(long Count, IReadOnlyList<OrderInStatus> Oldest);

/// <summary>An order and when it entered its current status.</summary>
internal sealed record OrderInStatus(string OrderId, string CustomerId, OrderStatus Status, DateTimeOffset Since);
