using Gateway.Core.Diagnostics;

namespace Gateway.Events;

internal static partial class Log
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "Webhook refused: {Reason} ({LeftOut} more refused webhooks since the previous line).")]
    public static partial void WebhookRefused(ILogger logger, string reason, long leftOut);

    /// <summary>The event id and type come from the ERP's body: escaped here, so the call site need not know.</summary>
    public static void ChangeIngested(ILogger logger, string eventId, string type, long sequence, string source, IngestResult result)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            // Locals, not calls in the argument list: CA1873 does not see this guard (dotnet/sdk#50893).
            var safeId = LogSafe.Text(eventId);
            var safeType = LogSafe.Text(type);
            ChangeIngestedAs(logger, safeId, safeType, sequence, source, result);
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Change {EventId} ({Type}, sequence {Sequence}) from {Source}: {Result}.")]
    static partial void ChangeIngestedAs(ILogger logger, string eventId, string type, long sequence, string source, IngestResult result);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "The legacy change feed could not be read ({Reason}); retrying.")]
    public static partial void FeedFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "This instance now polls the legacy change feed (from token '{Token}').")]
    public static partial void LeaseTaken(ILogger logger, string token);

    [LoggerMessage(EventId = 4107, Level = LogLevel.Information, Message = "This instance is stopping: the legacy change feed's lease is given back for another instance to take.")]
    public static partial void LeaseReleased(ILogger logger);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "The change stream could not be read ({Reason}); resuming after {LastId} when Redis returns.")]
    public static partial void StreamFailed(ILogger logger, string reason, string lastId);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Warning, Message = "Events:WebhookSecret is not set: every webhook to /events/erp is refused (401) and freshness relies on the legacy feed and the time to live.")]
    public static partial void NoWebhookSecret(ILogger logger);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Warning, Message = "A change event on the stream could not be read ({EntryId}); skipped.")]
    public static partial void StreamEntryUnreadable(ILogger logger, string entryId);

    // Debug: the change stream's reader already warns of the same outage.
    [LoggerMessage(EventId = 4107, Level = LogLevel.Debug, Message = "The instances' drop acknowledgements could not be read ({Reason}); measured again when Redis returns.")]
    public static partial void InvalidationProgressFailed(ILogger logger, string reason);
}
