using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Hosting;

/// <summary>Until the Redis-backed features land, readiness says whether the node runs embedded (not durable).</summary>
internal sealed class RedisConfigurationCheck(IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis"))
            ? HealthCheckResult.Degraded("embedded: no ConnectionStrings:Redis, single node, order intake not durable")
            : HealthCheckResult.Healthy("configured"));
}
