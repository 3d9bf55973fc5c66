namespace ErpSimulator.Backends;

/// <summary>Faults injected into one backend: extra latency per call, a share of calls that fail, or a full outage.</summary>
public sealed record FaultSettings(int LatencyMs = 0, double ErrorRate = 0, bool Outage = false)
{
    public static FaultSettings None { get; } = new();
}

public enum FaultOutcome
{
    /// <summary>Serve the call.</summary>
    None,

    /// <summary>Fail this call (error rate): legacy fault <c>Unavailable</c>, cloud 503.</summary>
    Error,

    /// <summary>The backend is down: legacy fault <c>Unavailable</c>, cloud 503.</summary>
    Outage,
}

/// <summary>The faults currently injected per backend (set by <c>POST /_sim/faults</c>). Reads are lock-free.</summary>
public sealed class FaultInjection
{
    private FaultSettings _legacy = FaultSettings.None;
    private FaultSettings _cloud = FaultSettings.None;

    public FaultSettings Legacy => Volatile.Read(ref _legacy);

    public FaultSettings Cloud => Volatile.Read(ref _cloud);

    public FaultSettings For(Backend backend) => backend == Backend.Legacy ? Legacy : Cloud;

    public void Set(Backend backend, FaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (backend == Backend.Legacy)
        {
            Volatile.Write(ref _legacy, settings);
        }
        else
        {
            Volatile.Write(ref _cloud, settings);
        }
    }

    /// <summary>Decides whether this call fails, by the backend's outage flag and error rate.</summary>
    public FaultOutcome Roll(Backend backend)
    {
        var settings = For(backend);
        return settings.Outage ? FaultOutcome.Outage
            : settings.ErrorRate > 0 && Random.Shared.NextDouble() < settings.ErrorRate ? FaultOutcome.Error
            : FaultOutcome.None;
    }
}
