using System.Diagnostics.Metrics;
using Gateway.Core.Erp;
using Gateway.Erp.Outbound.Budget;
using Polly.CircuitBreaker;

namespace Gateway.Erp.Outbound;

/// <summary>
/// Each ERP's state now, without calling it: circuit, budget in use, waiting calls per traffic class, and what this
/// instance saw lately. Read by the operations console, and published as gauges on the host's meter
/// (<c>gateway_erp_budget_in_use</c>, <c>gateway_erp_budget_capacity</c>, <c>gateway_erp_budget_waiting</c>,
/// <c>gateway_erp_circuit_state</c>), observed at scrape time from the budgets' in-memory snapshots.
/// </summary>
public sealed class ErpStatus
{
    static readonly string[] CircuitNames = ["closed", "open", "half_open", "isolated"];

    readonly ErpPipeline[] _pipelines;

    internal ErpStatus(IMeterFactory meters, params ErpPipeline[] pipelines)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _pipelines = pipelines;
        // One meter per host: its gauges go when the host does, and two hosts in one process never report each other.
        var meter = meters.Create(ErpTelemetry.Name);
        meter.CreateObservableGauge("gateway.erp.budget.in_use", () => Each(s => s.InUse),
            description: "Permits of the ERP's budget held by this instance's calls now: legacy sessions in use, cloud requests on their way.");
        meter.CreateObservableGauge("gateway.erp.budget.capacity", () => Each(s => s.Capacity),
            description: "Size of the ERP's budget this instance works with: the cloud bucket's burst, the legacy session limit.");
        meter.CreateObservableGauge("gateway.erp.budget.waiting", Waiting,
            description: "Calls waiting for room in the ERP's budget, by traffic class.");
        meter.CreateObservableGauge("gateway.erp.circuit.state", Circuits,
            description: "1 for the circuit's current state (closed, open, half_open, isolated), 0 for the others.");
    }

    public IReadOnlyList<ErpState> Current() => [.. _pipelines.Select(State)];

    static ErpState State(ErpPipeline pipeline)
    {
        var budget = pipeline.Budget.Snapshot();
        return new ErpState(
            pipeline.Erp,
            CircuitNames[CircuitIndex(pipeline.Circuit)],
            pipeline.Recent.InFlight,
            budget.Capacity,
            budget.InteractiveWaiting,
            budget.BackgroundWaiting,
            budget.PausedFor,
            budget.Coordination,
            pipeline.Recent);
    }

    static int CircuitIndex(CircuitState state) => state switch
    {
        CircuitState.Open => 1,
        CircuitState.HalfOpen => 2,
        CircuitState.Isolated => 3,
        _ => 0,
    };

    IEnumerable<Measurement<double>> Each(Func<ErpState, double> value) =>
        _pipelines.Select(State).Select(s => new Measurement<double>(value(s), new KeyValuePair<string, object?>(ErpTelemetry.ErpNameTag, s.Erp.TagValue())));

    IEnumerable<Measurement<int>> Waiting()
    {
        foreach (var s in _pipelines.Select(State))
        {
            yield return new(s.InteractiveWaiting, new(ErpTelemetry.ErpNameTag, s.Erp.TagValue()), new(ErpTelemetry.TrafficTag, ErpTrafficClass.Interactive.TagValue()));
            yield return new(s.BackgroundWaiting, new(ErpTelemetry.ErpNameTag, s.Erp.TagValue()), new(ErpTelemetry.TrafficTag, ErpTrafficClass.Background.TagValue()));
        }
    }

    IEnumerable<Measurement<int>> Circuits()
    {
        foreach (var pipeline in _pipelines)
        {
            var current = CircuitIndex(pipeline.Circuit);
            for (var state = 0; state < CircuitNames.Length; state++)
            {
                yield return new(state == current ? 1 : 0, new(ErpTelemetry.ErpNameTag, pipeline.Erp.TagValue()), new("erp.circuit", CircuitNames[state]));
            }
        }
    }
}

/// <summary>One ERP's state as <see cref="ErpStatus"/> sees it.</summary>
/// <param name="Circuit"><c>closed</c>, <c>open</c>, <c>half_open</c> or <c>isolated</c>.</param>
/// <param name="InUse">Permits held by this instance's calls in flight: sessions (legacy) or requests on their way (cloud).</param>
public sealed record ErpState(
    ErpSystem Erp,
    string Circuit,
    double InUse,
    double Capacity,
    int InteractiveWaiting,
    int BackgroundWaiting,
    TimeSpan PausedFor,
    string Coordination,
    ErpRecentOutcomes Recent);
