using System.Text.Json;

namespace Probe;

/// <summary>
/// Hot-key coalescing: many concurrent reads of one key no instance has cached, spread over every instance, against the
/// ERP calls they cost (the simulator's count of <c>inventory.get</c>, so background traffic such as the legacy feed
/// poller does not count). The ratio is reads per ERP call.
/// </summary>
internal static class HotKeyProbe
{
    public static async Task<object> RunAsync(ProbeOptions options)
    {
        using var simulator = new HttpClient { BaseAddress = new Uri(options.Require("sim")) };
        var gateways = options.Require("gateways").Split(',').Select(g => options.Client(new Uri(g))).ToArray();
        var requests = options.Int("requests", 300);
        // The last SKU of a large sample: the other scenarios read from the start of the sample.
        using var sample = JsonDocument.Parse(await simulator.GetStringAsync(new Uri("/_sim/sample?skus=1000&customers=1", UriKind.Relative)));
        var sku = sample.RootElement.GetProperty("skus").EnumerateArray().Last().GetString()!;

        using (await simulator.PostAsync(new Uri("/_sim/stats/reset", UriKind.Relative), null))
        {
        }

        var statuses = await Task.WhenAll(Enumerable.Range(0, requests).Select(async i =>
        {
            using var response = await gateways[i % gateways.Length].GetAsync(new Uri($"/v1/inventory/{sku}", UriKind.Relative));
            return (int)response.StatusCode;
        }));
        using var stats = JsonDocument.Parse(await simulator.GetStringAsync(new Uri("/_sim/stats", UriKind.Relative)));
        var calls = stats.RootElement.GetProperty("cloud").GetProperty("operations").TryGetProperty("inventory.get", out var operation)
            ? operation.GetProperty("calls").GetInt64()
            : 0;

        foreach (var gateway in gateways)
        {
            gateway.Dispose();
        }

        return new
        {
            requests,
            instances = gateways.Length,
            ok = statuses.Count(s => s == 200),
            erpCalls = calls,
            readsPerErpCall = calls == 0 ? (double?)null : Math.Round((double)requests / calls, 1),
        };
    }
}
