using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Hosting.Shutdown;

/// <summary>Readiness fails from the stop signal on, while requests are still served (<see cref="GracefulShutdown"/>).</summary>
internal sealed class DrainingCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("Stopping: draining the requests in flight; send new ones to another instance.")
            : HealthCheckResult.Healthy("Serving."));
}
