namespace Gateway.Versions;

internal static partial class Log
{
    [LoggerMessage(EventId = 7000, Level = LogLevel.Error, Message = "The reloaded Versions configuration is refused and the previous one stays in force: {Errors}")]
    public static partial void ReloadRefused(ILogger logger, string errors);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Versions configuration in force: {Versions} version(s) with a lifecycle, {Fields} deprecated GraphQL field(s)")]
    public static partial void Reloaded(ILogger logger, int versions, int fields);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Usage counts could not be written to Redis ({ExceptionType}); {Entries} entries are kept for the next flush")]
    public static partial void FlushFailed(ILogger logger, string exceptionType, int entries);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning, Message = "Usage counting is at its bound of {MaxEntries} distinct (subject, caller, route) entries; {Dropped} calls were not counted since the previous line")]
    public static partial void UsageBoundReached(ILogger logger, int maxEntries, long dropped);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Versions:GraphQL:Fields:{Field} names no field of the schema; nothing is marked")]
    public static partial void UnknownGraphQLField(ILogger logger, string field);
}
