using System.Threading.RateLimiting;

namespace Gateway.Edge.Proxy.ErpPassThrough;

/// <summary>
/// PLACEHOLDER until the connectors' shared ERP budget (src/Gateway.Erp) is public: a local token bucket at
/// <c>Erp:Cloud:RequestsPerSecond</c>. It keeps the pass-through alone within the ERP's quota, but it does not yet
/// draw from the same budget as the connectors, and each instance has its own. Replace by an adapter over the
/// connectors' budget; nothing else changes.
/// </summary>
internal sealed class PlaceholderErpBudget : IErpPassThroughBudget, IAsyncDisposable
{
    readonly TokenBucketRateLimiter _bucket;

    public PlaceholderErpBudget(CloudErpUpstreamOptions options)
    {
        var rate = options.RequestsPerSecond;
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = rate,
            // Refill ten times a second so the ERP sees a smooth rate, not a burst at each second's start.
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(100),
            TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(rate / 10.0)),
            QueueLimit = rate,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    public async ValueTask<bool> TryAcquireAsync(CancellationToken cancellationToken)
    {
        // The permit is spent by the call, never given back: dispose only releases the lease object.
        using var lease = await _bucket.AcquireAsync(1, cancellationToken);
        return lease.IsAcquired;
    }

    /// <summary>Not honoured by the placeholder: the connectors' budget pauses every caller; this one cannot reach them.</summary>
    public void ErpRefused(TimeSpan retryAfter)
    {
    }

    public ValueTask DisposeAsync() => _bucket.DisposeAsync();
}
