using System.ComponentModel.DataAnnotations;
using ErpSimulator.Backends;
using Microsoft.Extensions.Options;

namespace ErpSimulator;

/// <summary>The checks data annotations cannot express: nested limits, webhook URLs and their secret, the latency range's order.</summary>
internal sealed class SimulatorOptionsValidation : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var failures = new List<string>();
        Nested(options.Cloud, "Simulator:Cloud", failures);
        Nested(options.Legacy, "Simulator:Legacy", failures);

        var urls = (options.WebhookUrls ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"Simulator:WebhookUrls: '{url}' is not an absolute http(s) URL.");
            }
        }

        if (urls.Length > 0 && string.IsNullOrEmpty(options.WebhookSecret))
        {
            failures.Add("Simulator:WebhookSecret is required when Simulator:WebhookUrls is set.");
        }

        if (LatencyRange.TryParse(options.LatencyMs, out var latency) && latency.MinMs > latency.MaxMs)
        {
            failures.Add("Simulator:LatencyMs: the range's minimum exceeds its maximum.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Nested(object limits, string section, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(limits, new ValidationContext(limits), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{section}: {r.ErrorMessage}"));
        }
    }
}
