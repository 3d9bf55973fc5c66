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
/// With <c>--readers N</c>, N readers per instance read the SKU being changed without pause all along (before, during and
/// after its change, as a hot SKU is read): the case where a read in flight at the change meets the invalidation.
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
        // How often each instance is asked while it is not fresh yet: the resolution of the lags, and load on the servers.
        var poll = TimeSpan.FromMilliseconds(options.Int("poll", 1));
        var paced = Stopwatch.StartNew();
        var skus = await SkusAsync(simulator, options, Math.Min(changes, 200));
        var lags = new List<double>(changes);
        var timeouts = 0;
        var slowest = new List<(double Ms, string Sku, int Change, string Late)>();
        var hot = new HotSku { Sku = skus[0] };
        using var stop = new CancellationTokenSource();
        var readers = gateways.SelectMany(g => Enumerable.Range(0, options.Int("readers", 0)).Select(_ => ReadAllAlongAsync(g, hot, stop.Token))).ToList();

        for (var i = 0; i < changes; i++)
        {
            var sku = skus[i % skus.Count];
            hot.Sku = sku;
            if (interval * i - paced.Elapsed is { Ticks: > 0 } early)
            {
                await Task.Delay(early);
            }

            var old = await Task.WhenAll(gateways.Select(g => OnHandAsync(g, sku)));  // warm: cached old value
            // A value no instance answers yet, whatever earlier runs of the probe set this SKU to.
            var onHand = Math.Max(10_000, old.Max() ?? 0) + 1;
            var clock = Stopwatch.StartNew();
            using (var change = await simulator.PostAsJsonAsync("/_sim/stock", new { sku, warehouseId = Warehouse, onHand }))
            {
                change.EnsureSuccessStatusCode();
            }

            var freshAt = await Task.WhenAll(gateways.Select(g => UntilFreshAsync(g, sku, onHand, clock, poll)));
            if (freshAt.All(f => f is not null))
            {
                lags.Add(clock.Elapsed.TotalMilliseconds);
            }
            else
            {
                timeouts++;
            }

            // Which instance was last, and when each turned fresh: the slowest changes say where a tail comes from.
            slowest.Add((clock.Elapsed.TotalMilliseconds, sku, i, string.Join(' ', freshAt.Select(f => f is { } ms ? $"{ms:F0}" : "never"))));
            slowest = [.. slowest.OrderByDescending(s => s.Ms).Take(5)];
        }

        await stop.CancelAsync();
        var reads = (await Task.WhenAll(readers)).Sum();
        foreach (var gateway in gateways)
        {
            gateway.Dispose();
        }

        return new
        {
            changes,
            intervalMs = interval.TotalMilliseconds,
            instances = gateways.Length,
            readersPerInstance = options.Int("readers", 0),
            backgroundReads = reads,
            timeouts,
            lag = Percentiles.Summary(lags),
            slowest = slowest.Select(s => new { change = s.Change, s.Sku, ms = Math.Round(s.Ms, 1), freshAtMsPerInstance = s.Late }),
        };
    }

    sealed class HotSku
    {
        public volatile string Sku = "";
    }

    /// <returns>How many reads it made.</returns>
    static async Task<long> ReadAllAlongAsync(HttpClient gateway, HotSku hot, CancellationToken stop)
    {
        long reads = 0;
        while (!stop.IsCancellationRequested)
        {
            await OnHandAsync(gateway, hot.Sku);
            reads++;
        }

        return reads;
    }

    /// <returns>When the instance first answered the new value (ms since the change), or null if it never did in time.</returns>
    static async Task<double?> UntilFreshAsync(HttpClient gateway, string sku, int onHand, Stopwatch clock, TimeSpan poll)
    {
        while (clock.Elapsed < GiveUp)
        {
            if (await OnHandAsync(gateway, sku) == onHand)
            {
                return clock.Elapsed.TotalMilliseconds;
            }

            await Task.Delay(poll);
        }

        return null;
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

    /// <summary>
    /// The SKUs to change: the simulator's spread sample, or, with <c>--exclude-sample N</c>, every SKU but those of a
    /// sample of N (what earlier runs changed: a restarted simulator counts each SKU's sequence from 1 again, and the
    /// ledger rightly drops a sequence it has seen applied). <c>--skus-from K</c> skips the first K candidates.
    /// </summary>
    static async Task<List<string>> SkusAsync(HttpClient simulator, ProbeOptions options, int count)
    {
        var from = options.Int("skus-from", 0);
        var exclude = options.Int("exclude-sample", 0);
        if (exclude == 0)
        {
            return [.. (await SampleSkusAsync(simulator, from + count)).Skip(from)];
        }

        var changedBefore = (await SampleSkusAsync(simulator, exclude)).ToHashSet(StringComparer.Ordinal);
        return [.. (await SampleSkusAsync(simulator, 10_000)).Where(s => !changedBefore.Contains(s)).Skip(from).Take(count)];
    }

    static async Task<List<string>> SampleSkusAsync(HttpClient simulator, int count)
    {
        using var sample = JsonDocument.Parse(await simulator.GetStringAsync(new Uri($"/_sim/sample?skus={count}&customers=1", UriKind.Relative)));
        return [.. sample.RootElement.GetProperty("skus").EnumerateArray().Select(s => s.GetString()!)];
    }
}
