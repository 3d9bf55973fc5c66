namespace Gateway.Core.Erp;

/// <summary>The ERP cannot answer now (quota spent, circuit open, outage, timeout); try again after <see cref="RetryAfter"/>.</summary>
public sealed class ErpUnavailableException(ErpSystem erp, TimeSpan retryAfter, string reason, Exception? inner = null)
    : Exception($"The {erp} ERP is unavailable: {reason}", inner)
{
    public ErpSystem Erp { get; } = erp;
    public TimeSpan RetryAfter { get; } = retryAfter;
}

/// <summary>The ERP did not answer within the configured time.</summary>
public sealed class ErpTimeoutException(ErpSystem erp, Exception? inner = null)
    : Exception($"The {erp} ERP did not answer in time.", inner)
{
    public ErpSystem Erp { get; } = erp;
}

/// <summary>The ERP refused the request as invalid; <see cref="Exception.Message"/> is safe to show a caller.</summary>
public sealed class ErpRejectedException(ErpSystem erp, string reason)
    : Exception(reason)
{
    public ErpSystem Erp { get; } = erp;
}
