using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Caching;

/// <summary>Readiness entry <c>cache</c>: Degraded while Redis is away (answers come from L1 and the ERPs, events wait).</summary>
internal sealed class CacheHealthCheck(CacheRedis redis) : IHealthCheck
{
    public const string Name = "cache";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !redis.IsConfigured ? HealthCheckResult.Healthy("embedded: in-process cache and event bus, single node")
            : redis.DownSince is { } since ? HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture,
                $"Redis unreachable ({redis.LastError}) since {since:O}: serving from L1 and the ERPs; change events resume when it returns"))
            : HealthCheckResult.Healthy("L1 in memory, L2 and change stream on Redis"));
}
