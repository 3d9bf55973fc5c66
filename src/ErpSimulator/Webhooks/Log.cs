namespace ErpSimulator.Webhooks;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Posting change events to {ReceiverCount} webhook receiver(s)")]
    public static partial void WebhooksStarted(ILogger logger, int receiverCount);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Webhook {EventId} to {Receiver} answered {StatusCode}; attempt {Attempt}, retrying")]
    public static partial void DeliveryRefused(ILogger logger, string eventId, Uri receiver, int statusCode, int attempt);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Webhook {EventId} to {Receiver} failed; attempt {Attempt}, retrying")]
    public static partial void DeliveryFailed(ILogger logger, string eventId, Uri receiver, int attempt, Exception exception);
}
