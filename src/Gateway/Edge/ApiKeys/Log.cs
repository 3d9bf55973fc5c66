namespace Gateway.Edge.ApiKeys;

internal static partial class Log
{
    [LoggerMessage(EventId = 5200, Level = LogLevel.Warning, Message = "Partner store unreachable while reading key {KeyId}; using what this instance knew")]
    public static partial void StoreUnavailable(ILogger logger, string keyId, Exception exception);

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Could not tell the other instances that key {KeyId} changed; they notice when their cached copy expires")]
    public static partial void InvalidationNotSent(ILogger logger, string keyId, Exception exception);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "Not yet listening for key changes ({Reason}); retrying. Until then cached keys live out their time to live")]
    public static partial void InvalidationNotListening(ILogger logger, string reason);
}
