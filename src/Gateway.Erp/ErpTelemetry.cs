using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Gateway.Erp;

/// <summary>The names under which the ERP connectors trace and measure; the host subscribes to <see cref="Name"/>.</summary>
public static class ErpTelemetry
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "Gateway.Erp";

    /// <summary>Which ERP: <c>legacy</c> or <c>cloud</c>.</summary>
    public const string ErpNameTag = "erp.name";

    /// <summary>The connector's operation, e.g. <c>stock.get</c>.</summary>
    public const string OperationTag = "erp.operation";

    /// <summary><c>interactive</c> or <c>background</c>.</summary>
    public const string TrafficTag = "erp.traffic";

    /// <summary>How a call ended: <c>ok</c>, <c>throttled</c>, <c>failed</c>, <c>timeout</c>, <c>circuit_open</c>, <c>budget_exhausted</c>.</summary>
    public const string OutcomeTag = "erp.outcome";

    internal static readonly ActivitySource Source = new(Name);
    internal static readonly Meter Meter = new(Name);

    /// <summary>Requests sent to an ERP (each attempt once).</summary>
    internal static readonly Counter<long> Attempts = Meter.CreateCounter<long>("gateway.erp.attempts", description: "Requests sent to the ERP, one per attempt.");

    /// <summary>Operations completed by the pipeline, by outcome.</summary>
    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>("gateway.erp.calls", description: "ERP operations by outcome.");

    /// <summary>
    /// In seconds, with boundaries for seconds: without them the exporter's defaults (0, 5, 10 ... 10000, made for
    /// milliseconds) put every call in its first bucket.
    /// </summary>
    internal static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "gateway.erp.call.duration",
        unit: "s",
        description: "Time of an ERP operation, budget wait and retries included.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 10, 30] });

    /// <summary>Keys answered by a call another caller had already started (coalesced).</summary>
    internal static readonly Counter<long> Coalesced = Meter.CreateCounter<long>("gateway.erp.coalesced", description: "Keys that joined an ERP call already in flight or forming.");

    /// <summary>Keys one batched ERP call carried, from however many callers (boundaries up to the cloud ERP's 100).</summary>
    internal static readonly Histogram<int> BatchSize = Meter.CreateHistogram<int>(
        "gateway.erp.batch.size",
        unit: "{key}",
        description: "Keys carried by one batched ERP call.",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 75, 100] });

    internal static readonly Counter<long> BudgetRejected = Meter.CreateCounter<long>("gateway.erp.budget.rejected", description: "Calls refused because the ERP budget had no room within the queue time.");

    internal static string TagValue(this ErpTrafficClass traffic) => traffic == ErpTrafficClass.Interactive ? "interactive" : "background";

    internal static string TagValue(this Core.Erp.ErpSystem erp) => erp == Core.Erp.ErpSystem.Legacy ? "legacy" : "cloud";
}
