using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Probe;

/// <summary>
/// Demand far beyond the ERP's quota for prices nobody has asked for: <c>--rps</c> requests a second (default 200, ten
/// times the cloud ERP's 20) for <c>--seconds</c>, open loop, each for a SKU of its own, so no cache and no coalescing of
/// identical keys absorbs it; only batching distinct keys across requests does. Reports the share answered 200 within
/// one second of its scheduled start, the ERP read calls per answered request, and the ERPs' refusals (429, ServerBusy).
/// <c>--skus-from K</c> skips K candidates, so that two runs price different SKUs; the simulator's spread sample of
/// <c>--exclude-sample N</c> (what other scenarios read) is left out.
/// </summary>
internal static class ColdDemandProbe
{
    public static async Task<object> RunAsync(ProbeOptions options)
    {
        var rps = options.Int("rps", 200);
        var seconds = options.Int("seconds", 5);
        var customer = options.Require("customer");
        using var simulator = new HttpClient { BaseAddress = new Uri(options.Require("sim")) };
        using var gateway = options.Client(new Uri(options.Require("gateway")));
        var skus = await SkusAsync(simulator, options.Int("exclude-sample", 500), options.Int("skus-from", 0), rps * seconds);
        using (await simulator.PostAsync(new Uri("/_sim/stats/reset", UriKind.Relative), null))
        {
        }

        var latencies = new ConcurrentBag<double>();
        var statuses = new ConcurrentDictionary<int, int>();
        var withinSecond = 0;
        var sends = new List<Task>(skus.Count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < skus.Count; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rps);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var uri = new Uri($"/v1/prices?customerId={Uri.EscapeDataString(customer)}&sku={Uri.EscapeDataString(skus[i])}", UriKind.Relative);
            sends.Add(Task.Run(async () =>
            {
                var status = await StatusOfAsync(gateway, uri);
                var latency = clock.Elapsed - due;
                latencies.Add(latency.TotalMilliseconds);
                statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status == 200 && latency <= TimeSpan.FromSeconds(1))
                {
                    Interlocked.Increment(ref withinSecond);
                }
            }));
        }

        await Task.WhenAll(sends);
        var erp = JsonSerializer.SerializeToElement(await ErpStats.ReadAsync(simulator.BaseAddress!.ToString()), ProbeOptions.Json);
        var answered = statuses.GetValueOrDefault(200);
        var reads = erp.GetProperty("readCalls").GetInt64();
        return new
        {
            rps,
            seconds,
            requests = skus.Count,
            statuses = statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Value),
            shareOkWithinSecond = (double)withinSecond / skus.Count,
            erpReadCalls = reads,
            erpCallsPerAnswered = answered == 0 ? (double?)null : (double)reads / answered,
            erpRefusals = erp.GetProperty("cloudThrottled").GetInt64() + erp.GetProperty("legacyBusyFaults").GetInt64(),
            latency = Percentiles.Summary([.. latencies]),
        };
    }

    static async Task<int> StatusOfAsync(HttpClient gateway, Uri uri)
    {
        try
        {
            using var response = await gateway.GetAsync(uri, HttpCompletionOption.ResponseContentRead);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException)
        {
            return -1;
        }
    }

    static async Task<List<string>> SkusAsync(HttpClient simulator, int exclude, int from, int count)
    {
        var readElsewhere = (await SampleAsync(simulator, exclude)).ToHashSet(StringComparer.Ordinal);
        return [.. (await SampleAsync(simulator, 10_000)).Where(s => !readElsewhere.Contains(s)).Skip(from).Take(count)];
    }

    static async Task<List<string>> SampleAsync(HttpClient simulator, int count)
    {
        using var sample = JsonDocument.Parse(await simulator.GetStringAsync(new Uri($"/_sim/sample?skus={count}&customers=1", UriKind.Relative)));
        return [.. sample.RootElement.GetProperty("skus").EnumerateArray().Select(s => s.GetString()!)];
    }
}
