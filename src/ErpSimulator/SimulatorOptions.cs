using System.ComponentModel.DataAnnotations;

namespace ErpSimulator;

/// <summary>How the simulated ERPs behave. Bound from the <c>Simulator</c> section; validated at start-up.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Seed of the generated data set: the same seed gives the same data. Default: 42.</summary>
    [Range(0, int.MaxValue)]
    public int Seed { get; set; } = 42;

    /// <summary>Number of items, SKUs 100000 upwards. Default: 10,000.</summary>
    [Range(1, 900_000)]
    public int Skus { get; set; } = 10_000;

    /// <summary>Number of customers, ids 20001 upwards. Default: 500.</summary>
    [Range(1, 79_999)]
    public int Customers { get; set; } = 500;

    /// <summary>Simulated latency per call in milliseconds: one number or a uniform range "min-max"; "0" turns it off. Default: "20-60".</summary>
    [Required, RegularExpression(@"^\s*\d{1,6}\s*(-\s*\d{1,6}\s*)?$", ErrorMessage = "LatencyMs must be a number or a range such as 20-60.")]
    public string LatencyMs { get; set; } = "20-60";

    /// <summary>Comma-separated absolute http(s) URLs that receive every change event. Default: none.</summary>
    public string? WebhookUrls { get; set; }

    /// <summary>HMAC-SHA256 key of the <c>X-Erp-Signature</c> header; required when <see cref="WebhookUrls"/> is set.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Time between two status steps of a sales order (Confirmed, Allocated, Shipped, Invoiced). Default: 1500 ms.</summary>
    [Range(1, 3_600_000)]
    public int OrderStepMs { get; set; } = 1500;

    /// <summary>The cloud ERP's quota.</summary>
    [Required]
    public CloudLimits Cloud { get; set; } = new();

    /// <summary>The legacy ERP's concurrency limit.</summary>
    [Required]
    public LegacyLimits Legacy { get; set; } = new();

    /// <summary>The cloud ERP's token bucket over every <c>/cloud/api</c> call.</summary>
    public sealed class CloudLimits
    {
        /// <summary>Tokens added per second. Default: 20.</summary>
        [Range(1, 1_000_000)]
        public int RequestsPerSecond { get; set; } = 20;

        /// <summary>Bucket size, the most requests admitted at once after a quiet spell. Default: 40.</summary>
        [Range(1, 1_000_000)]
        public int Burst { get; set; } = 40;
    }

    /// <summary>The legacy ERP refuses (does not queue) calls beyond this many in flight.</summary>
    public sealed class LegacyLimits
    {
        /// <summary>Calls served at once; the next one gets the <c>ServerBusy</c> fault. Default: 4.</summary>
        [Range(1, 10_000)]
        public int MaxConcurrency { get; set; } = 4;
    }

    /// <summary>The webhook receivers, parsed; empty when none are configured.</summary>
    public IReadOnlyList<Uri> WebhookReceivers() =>
        [.. (WebhookUrls ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => new Uri(url, UriKind.Absolute))];
}
