namespace Gateway.Core.Diagnostics;

/// <summary>
/// For an event that can happen on every request under load (a call refused for the ERP's budget, an ERP answering
/// 503, a circuit open): at most one log line per interval, which says how many like it were left out since the last.
/// Thousands of identical warnings a second tell an operator nothing one line with a count does not, and a console
/// logger whose queue is full makes the requests that log wait. Counters and traces still see every occurrence.
/// </summary>
public sealed class LogThrottle
{
    /// <summary>The interval the gateway uses for its per-request warnings.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    readonly TimeProvider _time;
    readonly long _intervalTicks;
    long _nextAllowed = long.MinValue;
    long _leftOut;

    public LogThrottle(TimeProvider time, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _intervalTicks = (long)((interval ?? DefaultInterval).TotalSeconds * time.TimestampFrequency);
    }

    /// <summary>True when this occurrence is to be logged; <paramref name="leftOut"/> is then how many were not since the last one logged.</summary>
    public bool ShouldLog(out long leftOut)
    {
        var now = _time.GetTimestamp();
        var next = Volatile.Read(ref _nextAllowed);
        if (now < next || Interlocked.CompareExchange(ref _nextAllowed, now + _intervalTicks, next) != next)
        {
            Interlocked.Increment(ref _leftOut);
            leftOut = 0;
            return false;
        }

        leftOut = Interlocked.Exchange(ref _leftOut, 0);
        return true;
    }
}
