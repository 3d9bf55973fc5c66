namespace Gateway.Erp.Outbound;

/// <summary>
/// Running totals of one ERP's calls as this instance saw them, for the operations console (Prometheus has the same
/// figures as counters): operations and their failures, the ERP's own "full" answers and faults, and the last failure.
/// Lock-free: it is touched by every ERP call.
/// </summary>
public sealed class ErpRecentOutcomes
{
    long _operations;
    long _inFlight;
    long _failed;
    long _throttled;
    long _faults;
    ErpFailure? _lastFailure;

    public long Operations => Interlocked.Read(ref _operations);

    /// <summary>Attempts holding a permit of the budget now: legacy sessions in use, cloud requests on their way.</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>Operations that did not end <c>ok</c> (timeouts, open circuit, budget exhausted, refusals included).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Attempts the ERP answered with "at capacity" (429, ServerBusy).</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Attempts the ERP failed (5xx, fault, reset, an answer outside its contract).</summary>
    public long Faults => Interlocked.Read(ref _faults);

    public ErpFailure? LastFailure => Volatile.Read(ref _lastFailure);

    internal void Entered() => Interlocked.Increment(ref _inFlight);

    internal void Left() => Interlocked.Decrement(ref _inFlight);

    internal void Completed(string outcome, DateTimeOffset now)
    {
        Interlocked.Increment(ref _operations);
        if (outcome != "ok")
        {
            Interlocked.Increment(ref _failed);
            Volatile.Write(ref _lastFailure, new ErpFailure(outcome, now));
        }
    }

    internal void WasThrottled(DateTimeOffset now)
    {
        Interlocked.Increment(ref _throttled);
        Volatile.Write(ref _lastFailure, new ErpFailure("throttled", now));
    }

    internal void WasFaulted(DateTimeOffset now)
    {
        Interlocked.Increment(ref _faults);
        Volatile.Write(ref _lastFailure, new ErpFailure("fault", now));
    }
}

/// <summary>How and when an ERP call last failed.</summary>
public sealed record ErpFailure(string Outcome, DateTimeOffset At);
