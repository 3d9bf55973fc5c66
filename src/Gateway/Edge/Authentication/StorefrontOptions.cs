using System.ComponentModel.DataAnnotations;

namespace Gateway.Edge.Authentication;

/// <summary>The plan every storefront app gets, limited per token subject (<c>Auth:Storefront:*</c>).</summary>
public sealed class StorefrontOptions
{
    public const string SectionName = "Auth:Storefront";

    /// <summary>Sustained requests per second per storefront app. Default: 20.</summary>
    [Range(1, 100_000)]
    public int RequestsPerSecond { get; set; } = 20;

    /// <summary>Requests a storefront app may send at once above its rate. Default: 40.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 40;

    /// <summary>Requests per storefront app per UTC day. Default: 200 000.</summary>
    [Range(1, long.MaxValue)]
    public long DailyQuota { get; set; } = 200_000;

    public PartnerPlan Plan => new(RequestsPerSecond, Burst, DailyQuota);
}
