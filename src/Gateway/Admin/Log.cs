namespace Gateway.Admin;

internal static partial class Log
{
    [LoggerMessage(EventId = 5300, Level = LogLevel.Information,
        Message = "Admin action {Action} by {Actor}: {Status} (partner {PartnerId}, key {KeyId})")]
    public static partial void AdminAction(ILogger logger, string actor, string action, int status, string? partnerId, string? keyId);
}
