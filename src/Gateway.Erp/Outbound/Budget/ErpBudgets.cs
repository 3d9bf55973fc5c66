using Gateway.Core.Erp;
using Gateway.Erp.Cloud;
using Gateway.Erp.Legacy;
using Gateway.Erp.Outbound.Budget.Cluster;

namespace Gateway.Erp.Outbound.Budget;

/// <summary>Each ERP's budget shaped like its quota: a token bucket for the cloud ERP, a concurrency limit for the legacy one.</summary>
internal static class ErpBudgets
{
    /// <summary>
    /// The cloud ERP's bucket at <see cref="CloudErpOptions.QuotaUtilization"/> of its rate, and a burst that leaves
    /// <see cref="CloudErpOptions.ArrivalJitter"/> of that rate free in the ERP's: a request takes its token here before
    /// the ERP counts it, and requests held back (a stalled thread pool, a GC pause) may reach it together with those
    /// sent after them. Whatever this bucket lets out within a window W, plus what it let out during the stall J before
    /// it, is at most burst + rate·(J + W) ≤ ERP burst + ERP rate·W: the ERP's own bucket never runs dry. With the
    /// simulator's quota, 20/s and 40: 18/s and a burst of 22.
    /// </summary>
    public static (double Rate, double Burst) CloudBucket(CloudErpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rate = options.RequestsPerSecond * options.QuotaUtilization;
        var planned = Math.Floor(options.Burst * options.QuotaUtilization);
        var clearOfJitter = Math.Floor(options.Burst - (rate * options.ArrivalJitter.TotalSeconds));
        return (rate, Math.Max(1, Math.Min(planned, clearOfJitter)));
    }

    public static IErpBudget LocalCloud(CloudErpOptions options, TimeProvider time)
    {
        var (rate, burst) = CloudBucket(options);
        return new TokenBucketBudget(ErpSystem.Cloud, rate, burst, options, time);
    }

    public static IErpBudget LocalLegacy(LegacyErpOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ConcurrencyBudget(ErpSystem.Legacy, options.MaxConcurrency, options, time);
    }

    /// <summary>The cloud ERP's bucket shared by every instance through Redis.</summary>
    public static IErpBudget ClusterCloud(CloudErpOptions options, ErpCluster cluster, TimeProvider time)
    {
        var (rate, burst) = CloudBucket(options);
        return new ClusterTokenBudget(ErpSystem.Cloud, rate, burst, options, cluster, time);
    }

    /// <summary>The legacy ERP's sessions shared by every instance through Redis.</summary>
    public static IErpBudget ClusterLegacy(LegacyErpOptions options, ErpCluster cluster, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ClusterSessionBudget(ErpSystem.Legacy, options.MaxConcurrency, options, cluster, time);
    }
}
