namespace ErpSimulator.Cloud;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Error, Message = "Cloud ERP call to {Path} failed unexpectedly")]
    public static partial void CloudCallFailed(ILogger logger, PathString path, Exception exception);
}
