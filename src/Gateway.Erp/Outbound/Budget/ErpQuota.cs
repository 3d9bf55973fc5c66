using System.Threading.RateLimiting;
using Gateway.Core.Erp;

namespace Gateway.Erp.Outbound.Budget;

/// <summary>
/// The ERPs' budgets for callers outside the connectors (the edge's ERP pass-through): the very permits the
/// connectors draw from, local or shared through Redis, so that together they never exceed an ERP's quota.
/// </summary>
public sealed class ErpQuota
{
    readonly IErpBudget _legacy;
    readonly IErpBudget _cloud;

    internal ErpQuota(IErpBudget legacy, IErpBudget cloud)
    {
        _legacy = legacy;
        _cloud = cloud;
    }

    /// <summary>
    /// Waits for a permit as interactive traffic. Not acquired (a Retry-After in <see cref="MetadataName.RetryAfter"/>)
    /// when the wait would exceed the ERP's queue time; dispose an acquired lease when the call has ended.
    /// </summary>
    public ValueTask<RateLimitLease> AcquireAsync(ErpSystem erp, CancellationToken cancellationToken) =>
        Budget(erp).AcquireAsync(ErpTrafficClass.Interactive, cancellationToken);

    /// <summary>The ERP refused a call for being over its quota: every caller of it waits <paramref name="retryAfter"/>.</summary>
    public void Refused(ErpSystem erp, TimeSpan retryAfter) => Budget(erp).Pause(retryAfter);

    IErpBudget Budget(ErpSystem erp) => erp == ErpSystem.Legacy ? _legacy : _cloud;
}
