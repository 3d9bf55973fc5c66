namespace Gateway.Edge.Authentication;

internal static partial class Log
{
    // Never the credential itself: only which kind was refused.
    [LoggerMessage(EventId = 5100, Level = LogLevel.Information, Message = "Refused a {CredentialKind} ({LeftOut} more refused credentials since the previous line)")]
    public static partial void CredentialRefused(ILogger logger, string credentialKind, long leftOut);
}
