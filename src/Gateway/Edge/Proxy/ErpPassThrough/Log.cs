namespace Gateway.Edge.Proxy.ErpPassThrough;

internal static partial class Log
{
    // The audit line: who, which method and path, what answer. Never headers, never credentials.
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information,
        Message = "ERP pass-through: {CallerId} {Method} /cloud/api{Path} answered {StatusCode}")]
    public static partial void PassThrough(ILogger logger, string callerId, string method, string path, int statusCode);
}
