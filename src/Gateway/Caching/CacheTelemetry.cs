using System.Diagnostics.Metrics;

namespace Gateway.Caching;

/// <summary>The caching layer's meter, published on <c>/metrics</c>: every key looked up, by region and how it was answered.</summary>
internal static class CacheTelemetry
{
    public const string Name = "Gateway.Caching";

    /// <summary>The region label (<see cref="CacheKeys"/>: <c>product</c>, <c>stock</c>, <c>contract</c>, ...) and the result label.</summary>
    public const string RegionTag = "cache.region";
    public const string ResultTag = "cache.result";

    static readonly Meter Meter = new(Name);

    static readonly Counter<long> Lookups = Meter.CreateCounter<long>(
        "gateway.cache.lookups",
        description: "Keys looked up, by region and result: hit (answered from L1 or L2, fresh), miss (asked of the ERP), stale (served past its time to live because the ERP failed).");

    /// <summary>The result label of each <see cref="CacheResult"/> (<c>hit</c>, <c>miss</c>, <c>stale</c>), named once.</summary>
    static readonly string[] ResultNames = [.. Enum.GetNames<CacheResult>().Select(n => n.ToLowerInvariant())];

    public static void Lookup(string region, CacheResult result)
    {
        // Nothing to build when no one listens (tests, a host without metrics).
        if (Lookups.Enabled)
        {
            Lookups.Add(1, new KeyValuePair<string, object?>(RegionTag, region), new KeyValuePair<string, object?>(ResultTag, ResultNames[(int)result]));
        }
    }
}
