namespace Gateway.Orders;

/// <summary>
/// The steps of an order's normal path whose cycle time is measured: each ends when the order enters its last status,
/// and is timed from the latest entry of its first status before that (a replayed order counts from its new acceptance).
/// </summary>
internal static class OrderSteps
{
    static readonly (OrderStatus From, OrderStatus To, string Name)[] Steps =
    [
        (OrderStatus.Accepted, OrderStatus.SubmittedToErp, "accepted_to_submitted"),
        (OrderStatus.SubmittedToErp, OrderStatus.Confirmed, "submitted_to_confirmed"),
        (OrderStatus.Confirmed, OrderStatus.Shipped, "confirmed_to_shipped"),
        (OrderStatus.Shipped, OrderStatus.Invoiced, "shipped_to_invoiced"),
    ];

    /// <summary>The names of every step, for documentation and tests.</summary>
    public static IEnumerable<string> Names => Steps.Select(s => s.Name);

    /// <summary>The step the history's entry at <paramref name="index"/> completes, if it completes one.</summary>
    public static (string Name, TimeSpan Duration)? Completed(IReadOnlyList<StatusChange> history, int index)
    {
        ArgumentNullException.ThrowIfNull(history);
        var entered = history[index];
        foreach (var (from, to, name) in Steps)
        {
            if (entered.Status != to)
            {
                continue;
            }

            for (var i = index - 1; i >= 0; i--)
            {
                if (history[i].Status == from)
                {
                    return (name, entered.At - history[i].At < TimeSpan.Zero ? TimeSpan.Zero : entered.At - history[i].At);
                }
            }
        }

        return null;
    }
}
