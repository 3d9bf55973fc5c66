namespace Gateway.Edge.RateLimiting;

/// <summary>
/// How many tokens an instance may lease from the shared bucket at once, and why that keeps the cluster honest.
/// </summary>
/// <remarks>
/// <para>The error bound. Let R be the plan's rate, B its burst, N the live instances and m the largest lease
/// (<see cref="MaxLease"/>: floor(f·R/N), at least 1, f = <see cref="EdgeLimitsOptions.LeaseFraction"/>).
/// Every admitted request spends a token that was first taken from the one shared bucket, and an instance never
/// holds more than m unspent tokens. So over any window of length T the cluster admits at most the exact token
/// bucket's B + R·T plus the tokens already pooled when the window opened: at most N·m more. A request is refused
/// only when its own pool is empty and the bucket holds less than one token, so at most (N-1)·m tokens sit
/// unspent elsewhere: at most N·m fewer. Hence |admitted − exact bucket| ≤ N·m ≤ f·R in every window: ±10% of
/// the per-second rate over one second with the default f, and proportionally less over longer windows.
/// Expired leases are returned to the bucket (capped at B) and to the day's counter, so the daily quota is never
/// exceeded and at most N·m of it stays unspent. When f·R/N &lt; 1 the lease is one token and the bound is N tokens.
/// If N is underestimated (instances joined within the last heartbeat), the bound is N_actual·m until the next one.</para>
/// <para>Adaptive: a lease starts at one token, doubles while leases are spent in full, and shrinks to what was
/// used when one expires half-spent, so a quiet partner costs one Redis call per request it makes (at most one
/// per request anyway) and a busy one about R/(N·m) calls per second per instance.</para>
/// </remarks>
internal static class LeaseSizing
{
    /// <summary>The most tokens one instance may hold for a plan: floor(f·R/N), within [1, burst].</summary>
    public static int MaxLease(PartnerPlan plan, int instances, double fraction)
    {
        var share = Math.Floor(Math.Max(0, plan.RequestsPerSecond) * fraction / Math.Max(1, instances));
        return (int)Math.Clamp(share, 1, Math.Max(1, Burst(plan)));
    }

    /// <summary>The size of the next lease, given the last one and how many of its tokens came back unspent.</summary>
    public static int Next(int lastLease, int returned, int max) =>
        returned <= 0
            ? Math.Clamp(lastLease * 2, 1, max)
            : Math.Clamp(lastLease - returned, 1, max);

    /// <summary>The bucket's capacity; a plan without a burst bursts to its per-second rate.</summary>
    public static int Burst(PartnerPlan plan) => plan.Burst > 0 ? plan.Burst : Math.Max(0, plan.RequestsPerSecond);
}
