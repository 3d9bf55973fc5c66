using System.ComponentModel.DataAnnotations;

namespace Gateway.Edge.ApiKeys;

/// <summary>Partner API keys (<c>Edge:ApiKeys:*</c>): rotation grace, how long an instance trusts its cached copy, where Redis keeps them.</summary>
public sealed class ApiKeysOptions
{
    public const string SectionName = "Edge:ApiKeys";

    /// <summary>How long a rotated key keeps working next to its replacement. Default: 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan RotationGrace { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long an instance uses a key it read from the store before reading it again. Revocations reach every instance
    /// at once over Redis pub/sub; this bounds the staleness should a message be lost. Default: 1 second.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Most unknown key ids an instance remembers (for <see cref="CacheTtl"/> each), so that a repeated wrong key costs
    /// no store read while invented keys cannot grow its memory. Default: 10 000.
    /// </summary>
    [Range(100, 1_000_000)]
    public int MaxUnknownKeys { get; set; } = 10_000;

    /// <summary>Prefix of every Redis key partners and keys are stored under. Default: <c>gw:partners</c>.</summary>
    [Required, MinLength(1)]
    public string KeyPrefix { get; set; } = "gw:partners";
}
