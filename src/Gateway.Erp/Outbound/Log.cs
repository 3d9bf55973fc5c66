using Microsoft.Extensions.Logging;

namespace Gateway.Erp.Outbound;

internal static partial class Log
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Warning, Message = "The {ErpName} ERP is full ({Reason}); pausing its budget for {RetryAfterMs} ms.")]
    public static partial void Throttled(ILogger logger, string erpName, string reason, double retryAfterMs);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Retrying {Operation} on the {ErpName} ERP (attempt {Attempt}) after {Outcome}.")]
    public static partial void Retrying(ILogger logger, string erpName, string operation, int attempt, string outcome);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error, Message = "The {ErpName} ERP's circuit opened for {BreakSeconds} s after repeated failures.")]
    public static partial void CircuitOpened(ILogger logger, string erpName, double breakSeconds);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "The {ErpName} ERP's circuit closed again.")]
    public static partial void CircuitClosed(ILogger logger, string erpName);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Warning, Message = "No room in the {ErpName} ERP's budget for {Operation} ({Traffic}); refused with Retry-After {RetryAfterMs} ms ({LeftOut} more refusals since the previous line).")]
    public static partial void BudgetRejected(ILogger logger, string erpName, string operation, string traffic, double retryAfterMs, long leftOut);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "{Operation} on the {ErpName} ERP failed: {Outcome} ({LeftOut} more failed calls since the previous line).")]
    public static partial void CallFailed(ILogger logger, string erpName, string operation, string outcome, long leftOut, Exception exception);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "The {ErpName} ERP budget is {Coordination}: {Capacity} permits per instance view.")]
    public static partial void BudgetChosen(ILogger logger, string erpName, string coordination, double capacity);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Warning, Message = "Redis is unreachable ({Error}): each ERP budget falls back to this instance's share of {Instances}.")]
    public static partial void RedisLost(ILogger logger, int instances, string error);

    [LoggerMessage(EventId = 3108, Level = LogLevel.Information, Message = "Redis answers again: the ERP budgets are shared by {Instances} instances.")]
    public static partial void RedisBack(ILogger logger, int instances);
}
