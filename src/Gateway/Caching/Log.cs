namespace Gateway.Caching;

internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Redis is unreachable ({Reason}): the cache serves from memory and the ERPs until it returns.")]
    public static partial void RedisLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Redis answers again; local entries stored before {Since:O} are dropped.")]
    public static partial void RedisRestored(ILogger logger, DateTimeOffset since);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Serving {Region} key {Key} stale ({Age}) because the ERP failed.")]
    public static partial void ServedStale(ILogger logger, string region, string key, TimeSpan age);
}
