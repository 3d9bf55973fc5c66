using System.Diagnostics.Metrics;

namespace Gateway.Orders;

/// <summary>
/// The orders' meter, published on <c>/metrics</c>: orders entering each status, counted once cluster-wide, by the
/// instance whose write moved them (intake, hand-off, the status poller and events, an operator's replay or cancel).
/// Rejected and OnHold are the exception queue's arrivals; Accepted against Confirmed shows what waits for the ERP.
/// </summary>
internal static class OrdersTelemetry
{
    public const string Name = "Gateway.Orders";
    public const string StatusTag = "order.status";

    static readonly Meter Meter = new(Name);

    static readonly Counter<long> Entered = Meter.CreateCounter<long>(
        "gateway.orders.entered",
        description: "Orders entering each status, counted once by the instance whose write moved them.");

    /// <summary>The status label of each <see cref="OrderStatus"/>, named once.</summary>
    static readonly string[] StatusNames = Enum.GetNames<OrderStatus>();

    /// <summary>Counts the statuses <paramref name="after"/> gained over <paramref name="before"/> (all of a new order's).</summary>
    public static void Moved(Order? before, Order after)
    {
        if (!Entered.Enabled)
        {
            return;
        }

        var known = before?.StatusHistory.Count ?? 0;
        if (after.StatusHistory.Count < known)
        {
            // A history is only appended to; should one ever be rewritten, its current status still counts once.
            Count(after.Status);
            return;
        }

        for (var i = known; i < after.StatusHistory.Count; i++)
        {
            Count(after.StatusHistory[i].Status);
        }
    }

    static void Count(OrderStatus status) => Entered.Add(1, new KeyValuePair<string, object?>(StatusTag, StatusNames[(int)status]));
}
