using System.Text.Json;

namespace Probe;

/// <summary>
/// The simulator's counters, summed: what the ERPs saw. <c>legacyFeedCalls</c> are the change-feed polls
/// (<c>GetChanges</c>), background work that goes on whatever the scenario does; the read counts leave them out.
/// </summary>
internal static class ErpStats
{
    public static async Task<object> ReadAsync(string simulator)
    {
        using var client = new HttpClient { BaseAddress = new Uri(simulator) };
        using var stats = JsonDocument.Parse(await client.GetStringAsync(new Uri("/_sim/stats", UriKind.Relative)));
        var root = stats.RootElement;
        var legacy = root.GetProperty("legacy");
        var cloud = root.GetProperty("cloud");
        var feedCalls = legacy.GetProperty("operations").TryGetProperty("GetChanges", out var feed) ? feed.GetProperty("calls").GetInt64() : 0;
        return new
        {
            legacyCalls = legacy.GetProperty("calls").GetInt64(),
            legacyFeedCalls = feedCalls,
            readCalls = legacy.GetProperty("calls").GetInt64() - feedCalls + cloud.GetProperty("calls").GetInt64(),
            legacyBusyFaults = legacy.GetProperty("busyFaults").GetInt64(),
            legacyMaxConcurrency = legacy.GetProperty("maxConcurrency").GetInt64(),
            cloudCalls = cloud.GetProperty("calls").GetInt64(),
            cloudThrottled = cloud.GetProperty("throttled").GetInt64(),
            cloudMaxConcurrency = cloud.GetProperty("maxConcurrency").GetInt64(),
            ordersCreated = root.GetProperty("ordersCreated").GetInt64(),
        };
    }
}
