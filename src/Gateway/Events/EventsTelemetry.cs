using System.Diagnostics.Metrics;
using Gateway.Core.Events;

namespace Gateway.Events;

/// <summary>The change events' meter, published on <c>/metrics</c>: what arrived, what became of it, and how late.</summary>
internal static class EventsTelemetry
{
    public const string Name = "Gateway.Events";

    public const string SourceTag = "event.source";
    public const string TypeTag = "event.type";
    public const string ResultTag = "event.result";

    /// <summary>The result of an event the ledger could not record (Redis away): its sender delivers it again.</summary>
    public const string Unrecorded = "unrecorded";

    static readonly Meter Meter = new(Name);

    static readonly Counter<long> Ingested = Meter.CreateCounter<long>(
        "gateway.events.ingested",
        description: "Change events received, by source (webhook, legacy-feed), type and result (applied, duplicate, outdated, unrecorded).");

    static readonly Histogram<double> Delay = Meter.CreateHistogram<double>(
        "gateway.events.delay",
        unit: "s",
        description: "From a change in the ERP (its occurredAt) to the event being applied here; the two clocks' difference is included.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });

    static readonly Histogram<double> DroppedEverywhere = Meter.CreateHistogram<double>(
        "gateway.events.invalidation.duration",
        unit: "s",
        description: "From a change being applied (appended to the change stream) to every live instance having dropped its L1 copies, by type.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300] });

    /// <summary>The result label of each <see cref="IngestResult"/>, named once.</summary>
    static readonly string[] ResultNames = [.. Enum.GetNames<IngestResult>().Select(n => n.ToLowerInvariant())];

    public static void Received(ErpChange change, string source, IngestResult result) => Count(change, source, ResultNames[(int)result]);

    public static void NotRecorded(ErpChange change, string source) => Count(change, source, Unrecorded);

    public static void Applied(ErpChange change, DateTimeOffset now)
    {
        if (Delay.Enabled)
        {
            Delay.Record(Math.Max(0, (now - change.OccurredAt).TotalSeconds), new KeyValuePair<string, object?>(TypeTag, TypeLabel(change)));
        }
    }

    /// <summary>Every live instance dropped its copies for a change of <paramref name="type"/> <paramref name="after"/> it was applied.</summary>
    public static void Dropped(string? type, TimeSpan after)
    {
        if (DroppedEverywhere.Enabled)
        {
            DroppedEverywhere.Record(Math.Max(0, after.TotalSeconds), new KeyValuePair<string, object?>(TypeTag, ErpChangeTypes.IsKnown(type) ? type : "other"));
        }
    }

    static void Count(ErpChange change, string source, string result)
    {
        if (Ingested.Enabled)
        {
            Ingested.Add(1, new(SourceTag, source), new(TypeTag, TypeLabel(change)), new(ResultTag, result));
        }
    }

    // An ERP may announce types this version does not know: one label for all of them keeps the series bounded.
    static string TypeLabel(ErpChange change) => ErpChangeTypes.IsKnown(change.Type) ? change.Type : "other";
}
