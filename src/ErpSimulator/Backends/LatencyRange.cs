using System.Globalization;

namespace ErpSimulator.Backends;

/// <summary>A uniform range of simulated latency in milliseconds, parsed from "20-60" or "35"; "0" means none.</summary>
public readonly record struct LatencyRange(int MinMs, int MaxMs)
{
    public bool IsOff => MaxMs <= 0;

    public static bool TryParse(string? text, out LatencyRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min))
        {
            return false;
        }

        var max = min;
        if (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out max))
        {
            return false;
        }

        range = new LatencyRange(min, max);
        return true;
    }

    /// <summary>One draw from the range (thread-safe).</summary>
    public int Next() => MinMs >= MaxMs ? MaxMs : Random.Shared.Next(MinMs, MaxMs + 1);
}
