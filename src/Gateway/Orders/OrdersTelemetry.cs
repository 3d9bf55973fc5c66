using System.Diagnostics.Metrics;

namespace Gateway.Orders;

/// <summary>
/// The orders' meter, published on <c>/metrics</c>: orders entering each status, counted once cluster-wide, by the
/// instance whose write moved them (intake, hand-off, the status poller and events, an operator's replay or cancel).
/// Rejected and OnHold are the exception queue's arrivals; Accepted against Confirmed shows what waits for the ERP.
/// Each step of the normal path (accepted → submitted → confirmed → shipped → invoiced) is timed as it completes, from
/// the history's own instants, so the instance that records it need not be the one that saw the step begin.
/// </summary>
internal static class OrdersTelemetry
{
    public const string Name = "Gateway.Orders";
    public const string StatusTag = "order.status";
    public const string StepTag = "order.step";

    static readonly Meter Meter = new(Name);

    static readonly Counter<long> Entered = Meter.CreateCounter<long>(
        "gateway.orders.entered",
        description: "Orders entering each status, counted once by the instance whose write moved them.");

    static readonly Histogram<double> StepDuration = Meter.CreateHistogram<double>(
        "gateway.orders.step.duration",
        unit: "s",
        description: "Time an order took for each step of its normal path (accepted_to_submitted, submitted_to_confirmed, confirmed_to_shipped, shipped_to_invoiced).",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 14_400, 86_400, 259_200] });

    static readonly Counter<long> Actions = Meter.CreateCounter<long>(
        "gateway.exceptions.actions",
        description: "Operators' actions on the exception queue (replayed, cancelled, resolved) by result (done, not_found, not_open, not_applicable).");

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
            if (OrderSteps.Completed(after.StatusHistory, i) is { } step)
            {
                StepDuration.Record(step.Duration.TotalSeconds, new KeyValuePair<string, object?>(StepTag, step.Name));
            }
        }
    }

    /// <summary>Counts an operator's action on an exception entry and what it came to.</summary>
    public static void Acted(Exceptions.ExceptionStatus action, Exceptions.ExceptionActionResult result) =>
        Actions.Add(1, new("exception.action", action.ToString().ToLowerInvariant()), new("exception.result", ResultLabel(result)));

    static string ResultLabel(Exceptions.ExceptionActionResult result) => result switch
    {
        Exceptions.ExceptionActionResult.Done => "done",
        Exceptions.ExceptionActionResult.NotFound => "not_found",
        Exceptions.ExceptionActionResult.NotOpen => "not_open",
        _ => "not_applicable",
    };

    static void Count(OrderStatus status) => Entered.Add(1, new KeyValuePair<string, object?>(StatusTag, StatusNames[(int)status]));
}
