using Gateway.Core.Erp;
using Gateway.Erp.Cloud;
using Gateway.Erp.Legacy;
using Gateway.Erp.Outbound.Budget.Cluster;

namespace Gateway.Erp.Outbound.Budget;

/// <summary>Each ERP's budget shaped like its quota: a token bucket for the cloud ERP, a concurrency limit for the legacy one.</summary>
internal static class ErpBudgets
{
    /// <summary>
    /// The cloud ERP's bucket at <see cref="CloudErpOptions.QuotaUtilization"/> of its rate and burst: a request takes its
    /// token here slightly before the ERP counts it, and the slack keeps the ERP's own bucket from ever running dry.
    /// </summary>
    public static (double Rate, double Burst) CloudBucket(CloudErpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rate = options.RequestsPerSecond * options.QuotaUtilization;
        var burst = Math.Max(1, Math.Floor(options.Burst * options.QuotaUtilization));
        return (rate, burst);
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
