using Gateway.Core.Diagnostics;
using Gateway.Core.Erp;

namespace Gateway.Orders;

internal static partial class Log
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Warning,
        Message = "Orders are kept IN MEMORY (no ConnectionStrings:Redis): an accepted order not yet handed to the ERP is LOST if this process stops. Configure Redis with AOF for production.")]
    public static partial void InMemory(ILogger logger);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information,
        Message = "Order {OrderId} accepted for customer {CustomerId}: {Lines} lines, status {Status}.")]
    public static partial void Accepted(ILogger logger, string orderId, string customerId, int lines, OrderStatus status);

    /// <summary>A storefront's caller id carries its token's own subject: escaped here, so intake's call site need not know.</summary>
    public static void Replayed(ILogger logger, string callerId)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // A local, not a call in the argument list: CA1873 does not see this guard (dotnet/sdk#50893).
            var safeCaller = LogSafe.Text(callerId);
            ReplayedFrom(logger, safeCaller);
        }
    }

    [LoggerMessage(EventId = 6002, Level = LogLevel.Debug, Message = "Idempotent repeat from {CallerId}: the first answer is replayed.")]
    static partial void ReplayedFrom(ILogger logger, string callerId);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information,
        Message = "Order {OrderId} handed to the ERP as sales order {ErpOrderNumber} (new: {Created}).")]
    public static partial void HandedOff(ILogger logger, string orderId, string erpOrderNumber, bool created);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning,
        Message = "Order {OrderId} waits {DelayMs} ms for the ERP: {Reason}")]
    public static partial void HandOffDeferred(ILogger logger, string orderId, double delayMs, string reason);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Warning,
        Message = "Order {OrderId} rejected by the {ErpName} ERP: {Reason}. It is in the exception queue.")]
    public static partial void Rejected(ILogger logger, string orderId, ErpSystem erpName, string reason);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Error,
        Message = "Order {OrderId} could not be handed to the ERP in the time allowed ({Reason}). It is in the exception queue.")]
    public static partial void GaveUp(ILogger logger, string orderId, string reason);

    [LoggerMessage(EventId = 6014, Level = LogLevel.Error,
        Message = "Hand-off of order {OrderId} failed unexpectedly; the entry stays pending and will be taken again.")]
    public static partial void HandOffFailed(ILogger logger, string orderId, Exception exception);

    [LoggerMessage(EventId = 6015, Level = LogLevel.Warning,
        Message = "The order store is unreachable ({ErrorType}); hand-off and status checks pause until it answers.")]
    public static partial void QueueUnreachable(ILogger logger, string errorType, Exception exception);

    [LoggerMessage(EventId = 6016, Level = LogLevel.Information,
        Message = "Order {OrderId} still waits for the ERP as this instance stops: released for another instance to hand off.")]
    public static partial void HandOffReleased(ILogger logger, string orderId);

    [LoggerMessage(EventId = 6017, Level = LogLevel.Warning,
        Message = "The claims on the orders in hand-off could not be renewed ({ErrorType}); another instance may take them over.")]
    public static partial void RenewFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 6020, Level = LogLevel.Debug, Message = "Status check of order {OrderId} deferred: {Reason}")]
    public static partial void StatusCheckDeferred(ILogger logger, string orderId, string reason);

    [LoggerMessage(EventId = 6021, Level = LogLevel.Warning, Message = "Status check of order {OrderId} failed; it is checked again later.")]
    public static partial void StatusCheckFailed(ILogger logger, string orderId, Exception exception);

    [LoggerMessage(EventId = 6022, Level = LogLevel.Warning, Message = "The ERP's change event for its order {ErpOrderNumber} could not be applied; the order's next check, or a read of its return, brings it up to date.")]
    public static partial void OrderEventFailed(ILogger logger, string erpOrderNumber, Exception exception);

    [LoggerMessage(EventId = 6030, Level = LogLevel.Information, Message = "Return {ReturnId} of order {OrderId} requested from the ERP with {LineCount} line(s).")]
    public static partial void ReturnRequested(ILogger logger, string returnId, string orderId, int lineCount);
}
