using Gateway.Core.Diagnostics;

namespace Gateway.Edge.Proxy.ErpPassThrough;

internal static partial class Log
{
    /// <summary>
    /// The audit line: who, which method and path, what answer. Never headers, never credentials. The path is the caller's
    /// text and a storefront's caller id its token's subject: both escaped (<see cref="LogSafe"/>).
    /// </summary>
    public static void PassThrough(ILogger logger, string callerId, string method, string path, int statusCode)
    {
        if (logger.IsEnabled(LogLevel.Information))
        {
            // Locals, not calls in the argument list: CA1873 does not see this guard (dotnet/sdk#50893).
            var safeCaller = LogSafe.Text(callerId);
            var safePath = LogSafe.Text(path);
            PassThroughAnswered(logger, safeCaller, method, safePath, statusCode);
        }
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Information,
        Message = "ERP pass-through: {CallerId} {Method} /cloud/api{Path} answered {StatusCode}")]
    static partial void PassThroughAnswered(ILogger logger, string callerId, string method, string path, int statusCode);
}
