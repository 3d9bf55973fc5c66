using System.Threading.RateLimiting;
using Gateway.Core.Erp;

namespace Gateway.Erp.Outbound.Budget;

/// <summary>
/// The share of an ERP's capacity the gateway may use: requests per second for the cloud ERP, calls in flight for
/// the legacy one. It is the ERP's, not the instance's: the local implementations serve a single node, the Redis
/// ones divide one budget among every instance.
/// </summary>
internal interface IErpBudget
{
    ErpSystem Erp { get; }

    /// <summary>
    /// Waits for room, interactive traffic first within its reserve. The lease is not acquired (with a Retry-After in
    /// its metadata) when the wait would exceed the queue time; dispose an acquired lease when the ERP call has ended.
    /// </summary>
    ValueTask<RateLimitLease> AcquireAsync(ErpTrafficClass traffic, CancellationToken cancellationToken);

    /// <summary>The ERP said it is full (429, ServerBusy): send nothing more until <paramref name="retryAfter"/> has passed.</summary>
    void Pause(TimeSpan retryAfter);

    /// <summary>The state for health and metrics; never calls the ERP.</summary>
    ErpBudgetSnapshot Snapshot();
}

/// <param name="Available">Permits free now (tokens, or free call slots).</param>
/// <param name="Capacity">Bucket size or concurrency limit this instance works with.</param>
/// <param name="PausedFor">Remaining pause the ERP asked for; zero when not paused.</param>
/// <param name="Coordination"><c>local</c>, <c>redis</c>, or <c>local (redis unreachable)</c>.</param>
internal sealed record ErpBudgetSnapshot(
    double Available,
    double Capacity,
    int InteractiveWaiting,
    int BackgroundWaiting,
    TimeSpan PausedFor,
    string Coordination);
