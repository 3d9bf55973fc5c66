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

    /// <summary>Keys the call carries (a span attribute).</summary>

    /// <summary>An <c>erp.retry</c> event's attempt number (2 for the first retry), what made it retry, and the wait before it.</summary>
    public const string AttemptTag = "erp.attempt";
    public const string RetryReasonTag = "erp.retry.reason";
    public const string RetryDelayTag = "erp.retry.delay_ms";

    /// <summary>An <c>erp.budget</c> event: how long the attempt waited for room in the ERP's budget, and whether it got it.</summary>
    public const string BudgetWaitTag = "erp.budget.wait_ms";
    public const string BudgetGrantedTag = "erp.budget.granted";

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

    /// <summary>The ERP said it was full (cloud 429, legacy ServerBusy): the budget exists so that this stays 0.</summary>
    internal static readonly Counter<long> ThrottledReceived = Meter.CreateCounter<long>(
        "gateway.erp.throttled.received", description: "Answers in which the ERP said it was at capacity (cloud 429, legacy ServerBusy), one per attempt.");

    /// <summary>Attempts the ERP failed (5xx, injected fault, reset, an answer outside its contract).</summary>
    internal static readonly Counter<long> FaultsReceived = Meter.CreateCounter<long>(
        "gateway.erp.faults.received", description: "Attempts the ERP failed: 5xx, a fault, a reset connection or an answer outside its contract.");

    internal static string TagValue(this ErpTrafficClass traffic) => traffic == ErpTrafficClass.Interactive ? "interactive" : "background";

    internal static string TagValue(this Core.Erp.ErpSystem erp) => erp == Core.Erp.ErpSystem.Legacy ? "legacy" : "cloud";
}
