namespace Probe;

/// <summary>Latency percentiles in milliseconds, nearest-rank.</summary>
internal static class Percentiles
{
    public static double Of(List<double> sortedMs, double percentile) =>
        sortedMs.Count == 0 ? double.NaN : sortedMs[Math.Clamp((int)Math.Ceiling(percentile / 100 * sortedMs.Count) - 1, 0, sortedMs.Count - 1)];

    /// <summary>Null percentiles when there is no sample (NaN cannot be written as JSON): the report says n/a.</summary>
    public static object Summary(List<double> ms)
    {
        ms.Sort();
        if (ms.Count == 0)
        {
            return new { count = 0, p50Ms = (double?)null, p90Ms = (double?)null, p99Ms = (double?)null, maxMs = (double?)null };
        }

        return new
        {
            count = ms.Count,
            p50Ms = Math.Round(Of(ms, 50), 2),
            p90Ms = Math.Round(Of(ms, 90), 2),
            p99Ms = Math.Round(Of(ms, 99), 2),
            maxMs = Math.Round(ms[^1], 2),
        };
    }
}
