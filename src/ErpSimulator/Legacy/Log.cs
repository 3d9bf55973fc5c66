namespace ErpSimulator.Legacy;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Legacy ERP answered fault {FaultCode} to a request it could not serve")]
    public static partial void UnplannedFault(ILogger logger, string faultCode, Exception exception);
}
