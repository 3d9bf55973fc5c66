using System.Text.Json;
using Probe;

// probe rate --url U --rps N --seconds S [--header "Name: value"]...
// probe freshness --sim U --gateways A,B,C --changes N [--interval MS] [--header ...]
// probe hotkey --sim U --gateways A,B,C --requests N [--header ...]
// probe cold --sim U --gateway G --customer C [--rps N] [--seconds S] [--skus-from K] [--header ...]
// probe stats --sim U
// probe report --results latest.json   (markdown)
var options = ProbeOptions.Parse(args);
object result = options.Command switch
{
    "rate" => await FixedRateLoad.RunAsync(options),
    "freshness" => await FreshnessProbe.RunAsync(options),
    "hotkey" => await HotKeyProbe.RunAsync(options),
    "cold" => await ColdDemandProbe.RunAsync(options),
    "stats" => await ErpStats.ReadAsync(options.Require("sim")),
    "report" => Report.Render(options.Require("results")),
    _ => throw new ArgumentException($"unknown command '{options.Command}': rate, freshness, hotkey, cold, stats or report"),
};
Console.WriteLine(result as string ?? JsonSerializer.Serialize(result, ProbeOptions.Json));
