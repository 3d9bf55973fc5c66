namespace ErpSimulator.Backends;

/// <summary>The two ERPs the simulator plays; faults, latency and statistics are kept per backend.</summary>
public enum Backend
{
    Legacy,
    Cloud,
}
