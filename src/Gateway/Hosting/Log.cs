namespace Gateway.Hosting;

internal static partial class Log
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Warning,
        Message = "ConnectionStrings:Redis is not set: running single-node with an in-memory cache and event bus. Order intake is NOT durable; do not run production traffic like this.")]
    public static partial void EmbeddedMode(ILogger logger);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "The gateway's store (Redis) is unreachable ({ExceptionType}); answered 503 with Retry-After 1 s ({LeftOut} more such answers since the previous line)")]
    public static partial void StoreUnavailable(ILogger logger, string exceptionType, long leftOut);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Stopping: readiness fails from now; requests are still served for the drain delay ({DrainSeconds} s), then those in flight finish.")]
    public static partial void Draining(ILogger logger, double drainSeconds);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Stopped: requests drained, hand-offs finished or released, leases and shares given back.")]
    public static partial void Stopped(ILogger logger);
}
