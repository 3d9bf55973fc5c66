using Gateway.Core.Diagnostics;

namespace Gateway.Caching;

internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning, Message = "Redis is unreachable ({Reason}): the cache serves from memory and the ERPs until it returns.")]
    public static partial void RedisLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Redis answers again; local entries stored before {Since:O} are dropped.")]
    public static partial void RedisRestored(ILogger logger, DateTimeOffset since);

    /// <summary>A key is built from what a caller asked for (a SKU, a customer id): escaped here, so the call site need not know.</summary>
    public static void ServedStale(ILogger logger, string region, string key, TimeSpan age)
    {
        if (logger.IsEnabled(LogLevel.Warning))
        {
            // A local, not a call in the argument list: CA1873 does not see this guard (dotnet/sdk#50893).
            var safeKey = LogSafe.Text(key);
            ServedStaleKey(logger, region, safeKey, age);
        }
    }

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Serving {Region} key {Key} stale ({Age}) because the ERP failed.")]
    static partial void ServedStaleKey(ILogger logger, string region, string key, TimeSpan age);
}
