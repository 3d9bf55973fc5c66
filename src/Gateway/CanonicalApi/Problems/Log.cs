using Gateway.Core.Erp;

namespace Gateway.CanonicalApi.Problems;

internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Warning, Message = "The {ErpName} ERP is unavailable; answered 503 with Retry-After {RetryAfterSeconds} s ({LeftOut} more such answers since the previous line)")]
    public static partial void ErpUnavailable(ILogger logger, ErpSystem erpName, int retryAfterSeconds, long leftOut);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "The {ErpName} ERP did not answer in time; answered 504")]
    public static partial void ErpTimedOut(ILogger logger, ErpSystem erpName);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "The {ErpName} ERP refused a request; answered 422")]
    public static partial void ErpRejected(ILogger logger, ErpSystem erpName);
}
