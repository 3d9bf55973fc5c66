using System.Text.Json;

namespace Probe;

/// <summary>The simulator's counters, summed: what the ERPs saw.</summary>
internal static class ErpStats
{
    public static async Task<object> ReadAsync(string simulator)
    {
        using var client = new HttpClient { BaseAddress = new Uri(simulator) };
        using var stats = JsonDocument.Parse(await client.GetStringAsync(new Uri("/_sim/stats", UriKind.Relative)));
        var root = stats.RootElement;
        var legacy = root.GetProperty("legacy");
        var cloud = root.GetProperty("cloud");
        return new
        {
            legacyCalls = legacy.GetProperty("calls").GetInt64(),
            legacyBusyFaults = legacy.GetProperty("busyFaults").GetInt64(),
            legacyMaxConcurrency = legacy.GetProperty("maxConcurrency").GetInt64(),
            cloudCalls = cloud.GetProperty("calls").GetInt64(),
            cloudThrottled = cloud.GetProperty("throttled").GetInt64(),
            cloudMaxConcurrency = cloud.GetProperty("maxConcurrency").GetInt64(),
            ordersCreated = root.GetProperty("ordersCreated").GetInt64(),
        };
    }
}
