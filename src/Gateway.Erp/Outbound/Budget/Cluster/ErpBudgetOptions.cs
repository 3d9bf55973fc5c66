using System.ComponentModel.DataAnnotations;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Erp.Outbound.Budget.Cluster;

/// <summary>
/// How gateway instances share each ERP's budget through Redis (used only when <c>ConnectionStrings:Redis</c> is set;
/// without it every instance is alone and its budget is local).
/// </summary>
public sealed class ErpBudgetOptions
{
    public const string SectionName = "Erp:Budget";

    /// <summary>Prefix of the Redis keys. Default: <c>gateway:erp-budget</c>.</summary>
    [Required]
    public string KeyPrefix { get; set; } = "gateway:erp-budget";

    /// <summary>How often an instance announces itself and renews the legacy sessions it holds. Default: 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Silence after which an instance counts as gone: its share is given to the others and the legacy sessions it held
    /// return to the pool. Default: 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:05:00")]
    public TimeSpan InstanceTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for one Redis command before the budget falls back to this instance's local share. Default: 500 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Share of the cloud ERP's burst that all instances together may hold as leased, unspent tokens; the shared bucket
    /// is smaller by as much, so leased and shared tokens together never exceed the ERP's bucket. Default: 0.25.
    /// </summary>
    [Range(0.05, 0.5)]
    public double LeaseFraction { get; set; } = 0.25;

    /// <summary>Instances expected before the first heartbeat answers (sizes the fallback share). Default: 1.</summary>
    [Range(1, 1000)]
    public int ExpectedInstances { get; set; } = 1;

    /// <summary>The budgets' heartbeat, on the set <paramref name="instances"/>.</summary>
    internal MembershipSettings Membership(RedisKey instances) =>
        new(instances, HeartbeatInterval, InstanceTimeout, RedisTimeout, ExpectedInstances);
}
