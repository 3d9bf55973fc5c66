using System.Collections.Concurrent;
using System.Diagnostics;

namespace Probe;

/// <summary>
/// Open-loop load: requests start on a fixed schedule whether or not earlier ones have finished, and each latency is
/// measured from its scheduled start, so a stall shows in the percentiles instead of silently slowing the load
/// (the coordinated-omission trap a closed-loop tool like wrk falls into at a given rate).
/// </summary>
internal static class FixedRateLoad
{
    public static async Task<object> RunAsync(ProbeOptions options)
    {
        var url = new Uri(options.Require("url"));
        var rps = options.Int("rps", 100);
        var seconds = options.Int("seconds", 10);
        using var client = options.Client();
        var latencies = new ConcurrentBag<double>();
        var statuses = new ConcurrentDictionary<int, int>();
        var inFlight = new List<Task>(rps * seconds);
        var clock = Stopwatch.StartNew();
        var interval = 1.0 / rps;

        for (var i = 0; i < rps * seconds; i++)
        {
            var due = TimeSpan.FromSeconds(i * interval);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            inFlight.Add(SendAsync(client, url, due, clock, latencies, statuses));
        }

        await Task.WhenAll(inFlight);
        return new
        {
            url = url.ToString(),
            rps,
            seconds,
            statuses = statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), s => s.Value),
            latency = Percentiles.Summary([.. latencies]),
        };
    }

    static async Task SendAsync(HttpClient client, Uri url, TimeSpan due, Stopwatch clock,
        ConcurrentBag<double> latencies, ConcurrentDictionary<int, int> statuses)
    {
        int status;
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            status = 0;
        }
        catch (TaskCanceledException)
        {
            status = -1;
        }

        latencies.Add((clock.Elapsed - due).TotalMilliseconds);
        statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
    }
}
