using System.ComponentModel.DataAnnotations;

namespace Gateway.Operations;

/// <summary>The operations figures and the console (<c>Operations:*</c>).</summary>
public sealed class OperationsOptions
{
    public const string SectionName = "Operations";

    /// <summary>
    /// How often the figures read from the stores (orders by status, stuck orders, the exception queue) are taken again:
    /// their gauges, the console and its chart show the latest sample. Default: 5 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a console sign-in lasts; it never slides, an operator signs in again. Default: 8 h.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ConsoleSessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Console sessions one instance keeps at once; signing in past it ends the oldest. Default: 32.</summary>
    [Range(1, 1_000)]
    public int MaxConsoleSessions { get; set; } = 32;

    /// <summary>Refused console sign-ins one instance answers per minute before it answers 429. Default: 10.</summary>
    [Range(1, 1_000)]
    public int ConsoleSignInFailuresPerMinute { get; set; } = 10;
}
