namespace Gateway.Operations;

internal static partial class Log
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "The operations figures could not be read from the order store ({Reason}); the last ones are kept.")]
    public static partial void SampleFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Warning, Message = "A console sign-in was refused ({LeftOut} more left out).")]
    public static partial void SignInRefused(ILogger logger, long leftOut);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Information, Message = "An operator signed in to the console.")]
    public static partial void SignedIn(ILogger logger);
}
