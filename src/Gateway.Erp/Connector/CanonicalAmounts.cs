namespace Gateway.Erp.Connector;

/// <summary>
/// Amounts as the canonical model carries them, whichever ERP they came from. The legacy ERP writes money with four
/// places ("12.5000"), the cloud ERP as a plain JSON number (12.5); both must serialize the same ("12.50"), so money
/// keeps its significant places, never fewer than two.
/// </summary>
internal static class CanonicalAmounts
{
    const decimal Normalizer = 1.000000000000000000000000000000000m;

    public static decimal Money(decimal amount)
    {
        // Dividing by 1.000... drops trailing zeros; adding 0.00 brings the scale back up to two places.
        var significant = amount / Normalizer;
        return significant.Scale >= 2 ? significant : significant + 0.00m;
    }

    /// <summary>A rate (a tax rate as a fraction) with its significant places only: "13.000" percent and 0.13 are both 0.13.</summary>
    public static decimal Rate(decimal rate) => rate / Normalizer;

    /// <summary>Timestamps to whole seconds in UTC: the legacy ERP carries no finer time, so neither may the cloud's.</summary>
    public static DateTimeOffset Timestamp(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
