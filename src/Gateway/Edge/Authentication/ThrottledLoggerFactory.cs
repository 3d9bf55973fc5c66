using Gateway.Core.Diagnostics;

namespace Gateway.Edge.Authentication;

/// <summary>
/// The logger factory handed to the edge scheme's base class: ASP.NET Core's <see cref="Microsoft.AspNetCore.Authentication.AuthenticationHandler{TOptions}"/>
/// writes an Information line for every request it does not authenticate ("was not authenticated", "was challenged"),
/// which a credential-stuffing flood would turn into one line per guess. Below Warning its lines pass through a
/// <see cref="LogThrottle"/>, at most one per interval; warnings and errors pass as they are. The gateway's own refusal
/// line (<see cref="Log.CredentialRefused"/>) is written apart, with the count of what was left out.
/// </summary>
internal sealed class ThrottledLoggerFactory(ILoggerFactory inner, LogThrottle throttle) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new ThrottledLogger(inner.CreateLogger(categoryName), throttle);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    // The inner factory is the host's: it is not this wrapper's to dispose.
    public void Dispose()
    {
    }

    sealed class ThrottledLogger(ILogger inner, LogThrottle throttle) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (inner.IsEnabled(logLevel) && (logLevel >= LogLevel.Warning || throttle.ShouldLog(out _)))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
