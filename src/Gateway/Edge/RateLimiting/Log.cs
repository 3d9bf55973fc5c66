namespace Gateway.Edge.RateLimiting;

internal static partial class Log
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning,
        Message = "Redis is unreachable ({ErrorType}): enforcing plans locally with 1/{Instances} of each until it answers again.")]
    public static partial void RedisLost(ILogger logger, int instances, string errorType);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information,
        Message = "Redis answers again: plans are enforced cluster-wide ({Instances} live instances).")]
    public static partial void RedisBack(ILogger logger, int instances);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information,
        Message = "Rate limits enforced locally only (no ConnectionStrings:Redis): correct for a single node.")]
    public static partial void LocalOnly(ILogger logger);
}
