using System.ComponentModel.DataAnnotations;
using Gateway.Core.Redis;

namespace Gateway.Erp.Redis;

/// <summary>
/// The one heartbeat of this instance among those sharing one Redis (<c>Membership:*</c>): the partner plans and the ERP
/// budgets both size their shares from the live instances it counts, and both fall back to local shares while it says
/// Redis is away. Used only when <c>ConnectionStrings:Redis</c> is set.
/// </summary>
public sealed class MembershipOptions
{
    public const string SectionName = "Membership";

    /// <summary>How often an instance announces itself in Redis (and, while degraded, probes it). Default: 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Silence after which an instance counts as gone: its shares of the plans and budgets go to the others and the
    /// legacy sessions it held return to the pool. Default: 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:05:00")]
    public TimeSpan InstanceTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for one heartbeat before Redis counts as away. Default: 500 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Instances assumed until the first heartbeat answers (it sizes the local shares when Redis is away from the start). Default: 1.</summary>
    [Range(1, 1000)]
    public int ExpectedInstances { get; set; } = 1;

    /// <summary>The heartbeat on <see cref="RedisKeys.Instances"/>.</summary>
    public MembershipSettings Settings() => new(RedisKeys.Instances, HeartbeatInterval, InstanceTimeout, RedisTimeout, ExpectedInstances);
}
