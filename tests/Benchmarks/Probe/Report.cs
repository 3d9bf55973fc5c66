using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Probe;

/// <summary>The markdown table of a run: each figure beside its baseline, as a ratio, against the suite's goals.</summary>
internal static class Report
{
    public static string Render(string resultsFile)
    {
        var r = JsonNode.Parse(File.ReadAllText(resultsFile))!.AsObject();
        var rows = new List<string[]>();
        void Row(string scenario, string measured, string baseline, string ratio, string goal, bool? met) =>
            rows.Add([scenario, measured, baseline, ratio, goal, met is null ? "" : met.Value ? "yes" : "**no**"]);

        var bare = Rps(r, "read_bare_kestrel");
        var keyed = Rps(r, "read_gateway_key_limits");
        Row("1. cached read, partner key + distributed limits (req/s)", F(keyed), $"bare Kestrel {F(bare)}", X(keyed / bare), "≥ 0.6x", keyed / bare >= 0.6);
        if (r["read_gateway_anonymous"] is not null)
        {
            var open = Rps(r, "read_gateway_anonymous");
            Row("1. cached read, auth off: no credential, public catalog, limiter still on (req/s)", F(open), $"bare Kestrel {F(bare)}", X(open / bare), "≥ 0.8x", open / bare >= 0.8);
        }

        if (r["read_gateway_traced"] is not null)
        {
            var traced = Rps(r, "read_gateway_traced");
            Row("1. cached read, partner key + limits, tracing on at 10% sampling (req/s)", F(traced), $"tracing off {F(keyed)}", X(traced / keyed), "", null);
        }

        CpuRow(r, "1. CPU per cached read, partner key + limits", "read_gateway_key_limits", "bare Kestrel", "read_bare_kestrel", Row);
        CpuRow(r, "1. CPU per cached read, tracing on at 10% sampling", "read_gateway_traced", "tracing off", "read_gateway_key_limits", Row);
        CpuRow(r, "1. CPU per cached read, no credential", "read_gateway_anonymous", "bare Kestrel", "read_bare_kestrel", Row);
        Row("1. cached read vs nginx static file (req/s)", F(keyed), $"nginx {F(Rps(r, "read_nginx_static"))}", X(keyed / Rps(r, "read_nginx_static")), "", null);
        var half = P99(r, "read_gateway_half_saturation");
        Row($"1. cached read p99 at half saturation (paced, {F(Rps(r, "read_gateway_half_saturation"))} req/s)", Ms(half),
            $"bare Kestrel paced alike {Ms(P99(r, "read_bare_half_saturation"))}", "", "< 5 ms", half < 5);

        var yarp = Rps(r, "proxy_yarp");
        var nginx = Rps(r, "proxy_nginx");
        // nginx for reference only: bare Kestrel alone spends more CPU per request than nginx spends proxying one.
        Row("2. proxy, YARP route (req/s)", F(yarp), $"nginx proxy_pass {F(nginx)}", X(yarp / nginx), "", null);
        var yarpP99 = P99(r, "proxy_yarp");
        var nginxP99 = P99(r, "proxy_nginx");
        Row("2. proxy p99", Ms(yarpP99), $"nginx {Ms(nginxP99)}", X(yarpP99 / nginxP99), "", null);
        var bareYarp = Rps(r, "proxy_yarp_bare");
        Row("2. proxy, the gateway's route vs YARP alone with the same route (req/s): the edge's cost", F(yarp), $"bare YARP {F(bareYarp)}", X(yarp / bareYarp), "≥ 0.85x", yarp / bareYarp >= 0.85);
        CpuRow(r, "2. CPU per proxied request, the gateway's route", "proxy_yarp", "YARP alone", "proxy_yarp_bare", Row);
        Row("2. upstream called directly (req/s)", F(Rps(r, "proxy_direct")), "", "", "", null);

        var page = Rps(r, "graphql_page");
        var warm = Int(r, "graphql_erp_calls", "warm");
        Row("3. GraphQL page of 20 with price + availability (req/s)", F(page), $"cached REST read {F(keyed)}", X(page / keyed), "≥ 0.4x", page / keyed >= 0.4);
        Row("3. GraphQL ERP calls per page, cold / warm", $"{Int(r, "graphql_erp_calls", "cold")} / {warm}", "", "", "warm = 0", warm == 0);

        var lag = r["freshness"]?["lag"];
        var p99Lag = lag?["p99Ms"]?.GetValue<double>() ?? double.NaN;
        Row($"4. freshness on 3 instances, change → fresh everywhere (p50 / p99, {lag?["count"]} changes, {r["freshness"]?["timeouts"]} timeouts)",
            $"{Ms(lag?["p50Ms"]?.GetValue<double>() ?? double.NaN)} / {Ms(p99Lag)}", "", "", "p99 ≤ ERP p99 + 20 ms (≈ 80 ms)", p99Lag <= 80);

        if (r["freshness_paced"]?["lag"] is { } paced)
        {
            var pacedP99 = paced["p99Ms"]?.GetValue<double>() ?? double.NaN;
            Row($"4. the same at one change every {r["freshness_paced"]?["intervalMs"]} ms (p50 / p99, {paced["count"]} changes, {r["freshness_paced"]?["timeouts"]} timeouts)",
                $"{Ms(paced["p50Ms"]?.GetValue<double>() ?? double.NaN)} / {Ms(pacedP99)}", "", "", "p99 < 50 ms", pacedP99 < 50);
        }

        if (r["freshness_readers"]?["lag"] is { } read)
        {
            var readP99 = read["p99Ms"]?.GetValue<double>() ?? double.NaN;
            Row($"4. the same with {r["freshness_readers"]?["readersPerInstance"]} readers per instance on the changing SKU all along (p50 / p99, {read["count"]} changes, {r["freshness_readers"]?["timeouts"]} timeouts)",
                $"{Ms(read["p50Ms"]?.GetValue<double>() ?? double.NaN)} / {Ms(readP99)}", "", "", "p99 ≤ ERP p99 + 20 ms (≈ 80 ms)", readP99 <= 80);
        }

        if (r["freshness_fast_erp"]?["lag"] is { } fast)
        {
            var fastP99 = fast["p99Ms"]?.GetValue<double>() ?? double.NaN;
            Row($"4. the same with the ERP answering in 1 ms: the gateway's own lag (p50 / p99, {fast["count"]} changes, {r["freshness_fast_erp"]?["timeouts"]} timeouts)",
                $"{Ms(fast["p50Ms"]?.GetValue<double>() ?? double.NaN)} / {Ms(fastP99)}", "", "", "p99 ≤ 25 ms", fastP99 <= 25);
        }

        if (r["freshness_fast_erp_readers"]?["lag"] is { } fastRead)
        {
            var fastReadP99 = fastRead["p99Ms"]?.GetValue<double>() ?? double.NaN;
            Row($"4. the same with the 1 ms ERP and readers all along (p50 / p99, {fastRead["count"]} changes, {r["freshness_fast_erp_readers"]?["timeouts"]} timeouts)",
                $"{Ms(fastRead["p50Ms"]?.GetValue<double>() ?? double.NaN)} / {Ms(fastReadP99)}", "", "", "p99 ≤ 25 ms", fastReadP99 <= 25);
        }

        if (r["hot_key"] is { } hot)
        {
            var perCall = hot["readsPerErpCall"]?.GetValue<double>() ?? double.NaN;
            Row($"4. one cold key read {hot["requests"]} times at once over {hot["instances"]} instances: reads per ERP call ({hot["erpCalls"]} calls, {hot["ok"]} answered 200)",
                perCall.ToString("0.#", CultureInfo.InvariantCulture), "", "", "≥ 10", perCall >= 10);
        }

        var erp = r["overload_erp"];
        var violations = Int(r, "overload_erp", "cloudThrottled") + Int(r, "overload_erp", "legacyBusyFaults");
        var statuses = r["overload_prices"]?["statuses"]?.ToJsonString() ?? "{}";
        Row($"5. 200 clients on uncached prices: ERP quota violations (ERP calls {erp?["cloudCalls"]}+{erp?["legacyCalls"]}; answers {statuses}; p99 {Ms(P99(r, "overload_prices"))})",
            violations.ToString(CultureInfo.InvariantCulture), "", "", "0", violations == 0);

        if (r["cold_batched"] is { } batched)
        {
            var unbatched = r["cold_unbatched"];
            var share = batched["shareOkWithinSecond"]?.GetValue<double>() ?? double.NaN;
            var refusals = Int(r, "cold_batched", "erpRefusals");
            Row($"7. {batched["rps"]} req/s of distinct cold SKUs (10x the cloud quota): share answered 200 within 1 s",
                P(share), $"window 0 {P(unbatched?["shareOkWithinSecond"]?.GetValue<double>() ?? double.NaN)}", "", "≥ 99%", share >= 0.99);
            Row("7. the same: ERP calls per answered request, ERP refusals (429, ServerBusy)",
                $"{D(batched["erpCallsPerAnswered"])} / {refusals}", $"window 0 {D(unbatched?["erpCallsPerAnswered"])} / {Int(r, "cold_unbatched", "erpRefusals")}", "", "refusals 0", refusals == 0);
        }

        var rss = r["gateway_peak_rss_mb"]?.GetValue<double>() ?? double.NaN;
        Row("6. gateway peak RSS", $"{rss:F0} MB", "", "", "< 300 MB", rss < 300);

        var meta = r["meta"];
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run {meta?["date"]} on {meta?["machine"]}; {meta?["pinning"]}; wrk {meta?["durationSeconds"]} s per run, {meta?["connections"]} connections.");
        text.AppendLine();
        text.AppendLine("| scenario | gateway | baseline | ratio | goal | met |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        // A read baseline whose core was not busy all the time was held back by the load generator (a proxy's core is
        // shared with its upstream, so the proxies are left out): the ratios against it flatter the gateway.
        foreach (var name in new[] { "read_bare_kestrel", "read_nginx_static" })
        {
            if (r[name]?["serverBusyPercent"]?.GetValue<double>() is { } busy && busy < SaturatedPercent)
            {
                text.AppendLine();
                text.AppendLine(CultureInfo.InvariantCulture, $"**Note:** {name} kept its server's core only {busy:F0}% busy: the load generator, not the server, set its req/s. Ratios against it overstate the gateway: its req/s is the load generator's ceiling, and its CPU per request rises while it waits between requests.");
            }
        }

        // A throughput made of 401s or 5xx measures the wrong thing: say so under the table rather than print it silently.
        foreach (var name in new[] { "read_bare_kestrel", "read_nginx_static", "read_gateway_key_limits", "read_gateway_anonymous", "read_gateway_traced", "read_gateway_half_saturation", "proxy_direct", "proxy_nginx", "proxy_yarp", "proxy_yarp_bare", "graphql_page" })
        {
            if (r[name]?["statuses"] is JsonObject answers && answers.Any(a => a.Key != "200"))
            {
                text.AppendLine();
                text.AppendLine(CultureInfo.InvariantCulture, $"**Warning:** {name} answered {answers.ToJsonString()}: not every answer was a 200, so its figure is not comparable.");
            }
        }

        return text.ToString();
    }

    /// <summary>Below this share of its core a server was waiting for requests part of the time.</summary>
    const double SaturatedPercent = 90;

    /// <summary>
    /// What a request cost the server's core (user + system CPU time over the run, per request), beside the baseline's:
    /// fairer than req/s when the load generator could not keep a server busy, though a server that waits between
    /// requests spends more on each, so a baseline that waited still looks dearer than it is.
    /// </summary>
    static void CpuRow(JsonObject r, string scenario, string measured, string baselineName, string baseline, Action<string, string, string, string, string, bool?> row)
    {
        if (r[measured]?["serverCpuUsPerRequest"] is null || r[baseline]?["serverCpuUsPerRequest"] is null)
        {
            return;
        }

        double Us(string name) => r[name]!["serverCpuUsPerRequest"]!.GetValue<double>();
        string Cost(string name) => $"{Us(name).ToString("0.0", CultureInfo.InvariantCulture)} µs, core {r[name]!["serverBusyPercent"]!.GetValue<double>():F0}% busy";
        row($"{scenario} (server CPU per request)", Cost(measured), $"{baselineName} {Cost(baseline)}", X(Us(baseline) / Us(measured)), "", null);
    }

    static double Rps(JsonObject r, string name) => r[name]?["rps"]?.GetValue<double>() ?? double.NaN;

    static double P99(JsonObject r, string name) => r[name]?["p99Ms"]?.GetValue<double>() ?? double.NaN;

    static long Int(JsonObject r, string name, string field) => r[name]?[field]?.GetValue<long>() ?? -1;

    static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("N0", CultureInfo.InvariantCulture);

    static string X(double ratio) => double.IsNaN(ratio) ? "n/a" : ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x";

    static string P(double share) => double.IsNaN(share) ? "n/a" : share.ToString("P1", CultureInfo.InvariantCulture);

    static string D(JsonNode? value) => value is null ? "n/a" : value.GetValue<double>().ToString("0.###", CultureInfo.InvariantCulture);

    static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
}
