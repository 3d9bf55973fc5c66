using System.Globalization;
using Gateway.Core.Redis;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Edge.RateLimiting;

/// <summary>Readiness entry <c>rate-limits</c>: Degraded while plans are enforced per instance because Redis is away.</summary>
internal sealed class RateLimitsHealthCheck(RedisConnection connection, ClusterMembership cluster) : IHealthCheck
{
    public const string Name = "rate-limits";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !connection.IsConfigured ? HealthCheckResult.Healthy("local: single node, no ConnectionStrings:Redis")
            : cluster.Degraded ? HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture,
                $"Redis unreachable ({cluster.LastError}) since {cluster.DownSince:O}: each instance enforces 1/{cluster.Instances} of every plan"))
            : HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture,
                $"shared through Redis, {cluster.Instances} live instance(s)")));
}
