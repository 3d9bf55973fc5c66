using System.ComponentModel.DataAnnotations;

namespace Gateway.Erp.Outbound.Budget.Cluster;

/// <summary>
/// How gateway instances share each ERP's budget through Redis (used only when <c>ConnectionStrings:Redis</c> is set;
/// without it every instance is alone and its budget is local). How many instances share it is the process's one
/// membership (<see cref="Redis.MembershipOptions"/>).
/// </summary>
public sealed class ErpBudgetOptions
{
    public const string SectionName = "Erp:Budget";

    /// <summary>Prefix of the Redis keys. Default: <c>gateway:erp-budget</c>.</summary>
    [Required]
    public string KeyPrefix { get; set; } = "gateway:erp-budget";

    /// <summary>Longest wait for one Redis command before the budget falls back to this instance's local share. Default: 500 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:00:10")]
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Share of the cloud ERP's burst that all instances together may hold as leased, unspent tokens; the shared bucket
    /// is smaller by as much, so leased and shared tokens together never exceed the ERP's bucket. Default: 0.25.
    /// </summary>
    [Range(0.05, 0.5)]
    public double LeaseFraction { get; set; } = 0.25;
}
