namespace Gateway.ChannelEvents;

/// <summary>The webhooks' log lines; a target URL or a secret never appears, only the gateway's own endpoint id.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 8000, Level = LogLevel.Warning, Message = "A {Type} event could not be queued for its endpoints ({Reason}); retrying.")]
    public static partial void FanOutFailed(ILogger logger, string type, string reason);

    [LoggerMessage(EventId = 8001, Level = LogLevel.Warning, Message = "Webhook endpoint {WebhookId} could not be served ({Reason}); another round retries.")]
    public static partial void LaneFailed(ILogger logger, string webhookId, string reason);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information, Message = "Event {EventId} to webhook endpoint {WebhookId} moved to the dead letters after {Attempts} attempts.")]
    public static partial void DeadLettered(ILogger logger, string eventId, string webhookId, int attempts);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning, Message = "Webhook endpoint {WebhookId} is disabled: its deliveries have failed since {FailingSince}.")]
    public static partial void Disabled(ILogger logger, string webhookId, DateTimeOffset failingSince);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "The webhook directory could not be read ({Reason}); retrying.")]
    public static partial void DirectoryFailed(ILogger logger, string reason);
}
