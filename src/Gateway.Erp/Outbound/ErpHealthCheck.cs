using System.Globalization;
using Gateway.Erp.Outbound.Budget;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Polly.CircuitBreaker;

namespace Gateway.Erp.Outbound;

/// <summary>
/// An ERP's state as the gateway last saw it — circuit and budget — without calling the ERP (a readiness probe must not
/// spend the quota it protects). An open circuit reports the registration's failure status, Degraded by default: an
/// ERP outage is shared by every instance, and taking them all out of rotation would also stop cached answers.
/// </summary>
internal sealed class ErpHealthCheck(ErpPipeline pipeline) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var budget = pipeline.Budget.Snapshot();
        var circuit = pipeline.Circuit;
        var data = new Dictionary<string, object>
        {
            ["circuit"] = circuit.ToString(),
            ["available"] = Math.Round(budget.Available, 2),
            ["capacity"] = budget.Capacity,
            ["interactiveWaiting"] = budget.InteractiveWaiting,
            ["backgroundWaiting"] = budget.BackgroundWaiting,
            ["pausedMs"] = (long)budget.PausedFor.TotalMilliseconds,
            ["coordination"] = budget.Coordination,
        };

        var result = circuit switch
        {
            CircuitState.Open or CircuitState.Isolated => new HealthCheckResult(
                context.Registration.FailureStatus, "circuit open: calls fail fast until a probe succeeds", data: data),
            CircuitState.HalfOpen => HealthCheckResult.Degraded("circuit half-open: probing the ERP", data: data),
            _ when budget.Coordination.Contains("unreachable", StringComparison.Ordinal) => HealthCheckResult.Degraded(
                string.Create(CultureInfo.InvariantCulture, $"circuit closed, budget {budget.Available:0.#}/{budget.Capacity:0.#} free ({budget.Coordination}: this instance's share only)"), data: data),
            _ when budget.PausedFor > TimeSpan.Zero => HealthCheckResult.Degraded(
                string.Create(CultureInfo.InvariantCulture, $"the ERP asked to pause for {budget.PausedFor.TotalMilliseconds:0} ms"), data: data),
            _ when budget.InteractiveWaiting + budget.BackgroundWaiting > 0 && budget.Available < 1 => HealthCheckResult.Degraded(
                string.Create(CultureInfo.InvariantCulture, $"budget saturated: {budget.InteractiveWaiting + budget.BackgroundWaiting} calls waiting ({budget.Coordination})"), data: data),
            _ => HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"circuit closed, budget {budget.Available:0.#}/{budget.Capacity:0.#} free ({budget.Coordination})"), data),
        };
        return Task.FromResult(result);
    }
}
