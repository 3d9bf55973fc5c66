using System.ComponentModel.DataAnnotations;

namespace Gateway.Versions.Usage;

/// <summary>How calls per version and deprecated field are counted (section <c>Usage</c>).</summary>
public sealed class UsageOptions
{
    public const string SectionName = "Usage";

    /// <summary>How often each instance writes its counts to Redis in one batch. Default: 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Days a day's counts are kept (Redis keys expire after it); <c>/admin/usage?since=</c> reaches back at most this far. Default: 90.</summary>
    [Range(31, 400)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>Distinct (subject, caller, route, day) cells one instance counts at once before it drops calls from the counts. Default: 100000.</summary>
    [Range(100, 10_000_000)]
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>The longest one flush or one usage read may wait for Redis. Default: 2 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan RedisTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
