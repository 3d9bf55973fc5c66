namespace Probe;

/// <summary>Latency percentiles in milliseconds, nearest-rank.</summary>
internal static class Percentiles
{
    public static double Of(List<double> sortedMs, double percentile) =>
        sortedMs.Count == 0 ? double.NaN : sortedMs[Math.Clamp((int)Math.Ceiling(percentile / 100 * sortedMs.Count) - 1, 0, sortedMs.Count - 1)];

    public static object Summary(List<double> ms)
    {
        ms.Sort();
        return new
        {
            count = ms.Count,
            p50Ms = Math.Round(Of(ms, 50), 2),
            p90Ms = Math.Round(Of(ms, 90), 2),
            p99Ms = Math.Round(Of(ms, 99), 2),
            maxMs = ms.Count == 0 ? double.NaN : Math.Round(ms[^1], 2),
        };
    }
}
