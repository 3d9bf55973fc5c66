using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Probe;

/// <summary>
/// Change-to-fresh lag: for each change, warm every instance's cache with the old answer, change the stock through the
/// simulator's control API (which emits the ERP's change event), then poll every instance until it answers the new
/// value. The lag of a change is the time until the LAST instance is fresh, measured from just before the change.
/// With <c>--interval MS</c> a change starts at most every MS milliseconds (a change rate the ERP's read quota can follow:
/// each change costs the ERP reads of its refresh); without it they follow each other as fast as they turn fresh.
/// </summary>
internal static class FreshnessProbe
{
    const string Warehouse = "DAL";
    static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(5);

    public static async Task<object> RunAsync(ProbeOptions options)
    {
        using var simulator = new HttpClient { BaseAddress = new Uri(options.Require("sim")) };
        var gateways = options.Require("gateways").Split(',').Select(g => options.Client(new Uri(g))).ToArray();
        var changes = options.Int("changes", 200);
        var interval = TimeSpan.FromMilliseconds(options.Int("interval", 0));
        var paced = Stopwatch.StartNew();
        // --skus-from: SKUs further into the sample, never changed by an earlier run (whose sequences the ledger holds).
        var skus = (await SampleSkusAsync(simulator, options.Int("skus-from", 0) + Math.Min(changes, 200))).Skip(options.Int("skus-from", 0)).ToList();
        var lags = new List<double>(changes);
        var timeouts = 0;

        for (var i = 0; i < changes; i++)
        {
            var sku = skus[i % skus.Count];
            if (interval * i - paced.Elapsed is { Ticks: > 0 } early)
            {
                await Task.Delay(early);
            }

            await Task.WhenAll(gateways.Select(g => OnHandAsync(g, sku)));          // warm: cached old value
            var onHand = 10_000 + i;
            var clock = Stopwatch.StartNew();
            using (var change = await simulator.PostAsJsonAsync("/_sim/stock", new { sku, warehouseId = Warehouse, onHand }))
            {
                change.EnsureSuccessStatusCode();
            }

            var fresh = await Task.WhenAll(gateways.Select(g => UntilFreshAsync(g, sku, onHand, clock)));
            if (fresh.All(f => f))
            {
                lags.Add(clock.Elapsed.TotalMilliseconds);
            }
            else
            {
                timeouts++;
            }
        }

        foreach (var gateway in gateways)
        {
            gateway.Dispose();
        }

        return new { changes, intervalMs = interval.TotalMilliseconds, instances = gateways.Length, timeouts, lag = Percentiles.Summary(lags) };
    }

    static async Task<bool> UntilFreshAsync(HttpClient gateway, string sku, int onHand, Stopwatch clock)
    {
        while (clock.Elapsed < GiveUp)
        {
            if (await OnHandAsync(gateway, sku) == onHand)
            {
                return true;
            }

            await Task.Delay(1);
        }

        return false;
    }

    static async Task<int?> OnHandAsync(HttpClient gateway, string sku)
    {
        using var response = await gateway.GetAsync(new Uri($"/v1/inventory/{sku}", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
        foreach (var warehouse in body.RootElement.GetProperty("warehouses").EnumerateArray())
        {
            if (warehouse.GetProperty("warehouseId").GetString() == Warehouse)
            {
                return warehouse.GetProperty("onHand").GetInt32();
            }
        }

        return null;
    }

    static async Task<List<string>> SampleSkusAsync(HttpClient simulator, int count)
    {
        using var sample = JsonDocument.Parse(await simulator.GetStringAsync(new Uri($"/_sim/sample?skus={count}&customers=1", UriKind.Relative)));
        return [.. sample.RootElement.GetProperty("skus").EnumerateArray().Select(s => s.GetString()!)];
    }
}
