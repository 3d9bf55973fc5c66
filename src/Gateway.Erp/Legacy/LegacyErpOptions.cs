using System.ComponentModel.DataAnnotations;
using Gateway.Erp.Outbound;

namespace Gateway.Erp.Legacy;

/// <summary>The legacy (SOAP) ERP: where it is and the concurrency it tolerates.</summary>
public sealed class LegacyErpOptions : ErpConnectionOptions
{
    public const string SectionName = "Erp:Legacy";

    /// <summary>
    /// Calls the ERP accepts at once, for the whole cluster (the ERP's session limit; one more is refused with
    /// <c>ServerBusy</c>). Default: 4.
    /// </summary>
    [Range(1, 1000)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Item or customer numbers per call; the ERP refuses more than 50. Default: 50.</summary>
    [Range(1, 50)]
    public int MaxBatchSize { get; set; } = 50;

    /// <summary>Path of the SOAP endpoint under <see cref="ErpConnectionOptions.BaseUrl"/>. Default: <c>/legacy/ErpService.asmx</c>.</summary>
    [Required]
    public string ServicePath { get; set; } = "/legacy/ErpService.asmx";

    /// <summary>How long the budget stops sending after a <c>ServerBusy</c> fault (someone else holds the sessions). Default: 250 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan BusyPause { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Largest SOAP answer accepted, in bytes. Default: 16 MiB.</summary>
    [Range(65_536, int.MaxValue)]
    public int MaxReceivedMessageSize { get; set; } = 16 * 1024 * 1024;

    public override int BatchLimit => MaxBatchSize;

    public override int PageLimit => MaxBatchSize;
}
