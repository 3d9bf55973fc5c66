using System.ComponentModel.DataAnnotations;
using Gateway.Erp.Outbound;

namespace Gateway.Erp.Cloud;

/// <summary>The cloud (REST) ERP: where it is and the request quota it enforces.</summary>
public sealed class CloudErpOptions : ErpConnectionOptions
{
    public const string SectionName = "Erp:Cloud";

    /// <summary>The ERP's sustained quota, requests per second for the whole cluster. Default: 20.</summary>
    [Range(1, 100_000)]
    public int RequestsPerSecond { get; set; } = 20;

    /// <summary>The ERP's burst (its bucket size). Default: 40.</summary>
    [Range(1, 100_000)]
    public int Burst { get; set; } = 40;

    /// <summary>
    /// Fraction of the quota and burst the gateway plans to use (the burst may be lower still: see
    /// <see cref="ArrivalJitter"/>). The rest absorbs network jitter between taking a token here and the request
    /// reaching the ERP, so the ERP never answers 429. Default: 0.9.
    /// </summary>
    [Range(0.1, 1.0)]
    public double QuotaUtilization { get; set; } = 0.9;

    /// <summary>
    /// How much later than the requests sent after it a request may reach the ERP once it took its token here: a
    /// stalled thread pool, a GC pause or a new connection can hold requests back and release them together. The
    /// gateway's burst is kept this long of its rate below the ERP's, so that everything sent during such a stall
    /// still finds tokens in the ERP's bucket when it arrives at once. Default: 1 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan ArrivalJitter { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>SKUs or customer ids per call; the ERP refuses more than 100. Default: 100.</summary>
    [Range(1, 100)]
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>Path of the REST API under <see cref="ErpConnectionOptions.BaseUrl"/>. Default: <c>/cloud/api/</c>.</summary>
    [Required]
    public string ApiPath { get; set; } = "/cloud/api/";

    public override int BatchLimit => MaxBatchSize;

    public override int PageLimit => MaxBatchSize;
}
