using ErpSimulator.Backends;
using ErpSimulator.Data;
using Microsoft.AspNetCore.Mvc;

namespace ErpSimulator.Control;

/// <summary>Faults, statistics and the sales orders the ERP holds.</summary>
internal static class ControlBackendEndpoints
{
    public static RouteGroupBuilder MapControlBackends(this RouteGroupBuilder sim)
    {
        sim.MapPost("/faults", SetFaults);
        sim.MapGet("/faults", (FaultInjection faults) => TypedResults.Ok(new FaultsView(faults.Legacy, faults.Cloud)));
        sim.MapGet("/stats", (SimulatorStats stats) => TypedResults.Ok(StatsView.Of(stats)));
        sim.MapPost("/stats/reset", (SimulatorStats stats) =>
        {
            stats.Reset();
            return TypedResults.Ok(StatsView.Of(stats));
        });
        sim.MapGet("/orders", (string? externalRef, ErpDataSet data) => TypedResults.Ok(data.Orders(externalRef).Select(OrderView.Of)));
        return sim;
    }

    private static IResult SetFaults([FromBody] FaultChangeRequest request, FaultInjection faults)
    {
        Backend[] backends = [Backend.Legacy, Backend.Cloud];
        if (request.Backend is not null)
        {
            if (!ControlErrors.TryParseName<Backend>(request.Backend, out var backend))
            {
                return ControlErrors.Invalid("backend", "backend must be legacy or cloud.");
            }

            backends = [backend];
        }

        if (request.LatencyMs is < 0 or > 60_000)
        {
            return ControlErrors.Invalid("latencyMs", "latencyMs must be between 0 and 60000.");
        }

        if (request.ErrorRate is { } rate && !(rate is >= 0 and <= 1))
        {
            return ControlErrors.Invalid("errorRate", "errorRate must be between 0 and 1.");
        }

        var settings = new FaultSettings(request.LatencyMs ?? 0, request.ErrorRate ?? 0, request.Outage ?? false);
        foreach (var backend in backends)
        {
            faults.Set(backend, settings);
        }

        return TypedResults.Ok(new FaultsView(faults.Legacy, faults.Cloud));
    }
}
