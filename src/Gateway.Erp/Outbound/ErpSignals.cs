namespace Gateway.Erp.Outbound;

// What a dialect client (Legacy/, Cloud/) tells the pipeline about a failed request, in terms the pipeline acts on.
// None of these leave Gateway.Erp: the pipeline turns them into Core's ErpUnavailableException or ErpTimeoutException.

/// <summary>The ERP is full (cloud 429, legacy ServerBusy): pause the budget, then retry a read.</summary>
internal sealed class ErpThrottledException(TimeSpan retryAfter, string reason)
    : Exception(reason)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The ERP failed in a way worth retrying (5xx, injected fault, connection reset); counts toward its circuit.</summary>
internal sealed class ErpTransientException(string reason, Exception? inner = null)
    : Exception(reason, inner);

/// <summary>The ERP answered outside its documented contract (unknown code, refused batch size): not retried.</summary>
internal sealed class ErpContractException(string reason, Exception? inner = null)
    : Exception(reason, inner);
