using System.Threading.RateLimiting;

namespace Gateway.Erp.Outbound.Budget;

/// <summary>A permit to call the ERP, or a refusal carrying when to come back.</summary>
internal sealed class BudgetLease : RateLimitLease
{
    static readonly string[] RetryAfterOnly = [MetadataName.RetryAfter.Name];

    readonly Action? _release;
    readonly TimeSpan _retryAfter;
    int _released;

    BudgetLease(bool acquired, Action? release, TimeSpan retryAfter)
    {
        IsAcquired = acquired;
        _release = release;
        _retryAfter = retryAfter;
    }

    /// <summary>Tokens need no return; a call slot is given back by <paramref name="release"/> when the lease is disposed.</summary>
    public static BudgetLease Granted(Action? release = null) => new(true, release, TimeSpan.Zero);

    public static BudgetLease Refused(TimeSpan retryAfter) => new(false, null, retryAfter);

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames => IsAcquired ? [] : RetryAfterOnly;

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        if (!IsAcquired && metadataName == MetadataName.RetryAfter.Name)
        {
            metadata = _retryAfter;
            return true;
        }

        metadata = null;
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _release?.Invoke();
        }

        base.Dispose(disposing);
    }
}
