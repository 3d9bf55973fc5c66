using System.ComponentModel.DataAnnotations;

namespace Gateway.Edge.RateLimiting;

/// <summary>
/// How the partner plans are enforced across the gateway instances (<c>Edge:Limits:*</c>); how many instances share them is
/// the process's one membership (<see cref="Erp.Redis.MembershipOptions"/>).
/// </summary>
public sealed class EdgeLimitsOptions
{
    public const string SectionName = "Edge:Limits";

    /// <summary>
    /// Largest share of a plan's per-second rate that all instances together may hold as local leases, which is
    /// also the worst-case error of the cluster-wide count over any window (see <see cref="LeaseSizing"/>).
    /// Default: 0.1 (the issue's ±10% tolerance).
    /// </summary>
    [Range(0.0, 0.5)]
    public double LeaseFraction { get; set; } = 0.1;

    /// <summary>How long leased tokens may be spent before the rest is returned to Redis. Default: 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan LeaseLifetime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest wait for Redis on the request path before the local fallback takes over; it bounds the latency a
    /// Redis outage can add to one request. Default: 1 second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Prefix of every key the limiter writes in Redis. Default: <c>gw:rl</c>.</summary>
    [Required, MinLength(1)]
    public string KeyPrefix { get; set; } = "gw:rl";
}
