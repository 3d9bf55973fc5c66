namespace Gateway.Hosting;

internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Warning,
        Message = "ConnectionStrings:Redis is not set: running single-node with an in-memory cache and event bus. Order intake is NOT durable; do not run production traffic like this.")]
    public static partial void EmbeddedMode(ILogger logger);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "The gateway's store (Redis) is unreachable ({ExceptionType}); answered 503 with Retry-After 1 s ({LeftOut} more such answers since the previous line)")]
    public static partial void StoreUnavailable(ILogger logger, string exceptionType, long leftOut);
}
