namespace Gateway.ChannelEvents.Delivery;

/// <summary>
/// When to try a failed event again: exponential backoff (<see cref="WebhooksOptions.FirstRetryDelay"/> doubling up to
/// <see cref="WebhooksOptions.MaxRetryDelay"/>) with jitter (a random half to whole of it), so receivers that fail
/// together are not all retried in the same instant; an event failing for <see cref="WebhooksOptions.RetryPeriod"/> is dead.
/// </summary>
internal static class RetrySchedule
{
    /// <summary>The wait after the <paramref name="attempts"/>-th failure.</summary>
    public static TimeSpan DelayAfter(int attempts, WebhooksOptions options, double random)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponent = Math.Min(Math.Max(attempts - 1, 0), 30);
        var full = Math.Min(options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, exponent), options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(full * (0.5 + (random / 2)));
    }

    /// <summary>The attempts after one more failure at <paramref name="now"/>.</summary>
    public static DeliveryAttempts Failed(DeliveryAttempts? before, string entryId, DateTimeOffset now, WebhooksOptions options)
    {
        var attempts = (before?.Attempts ?? 0) + 1;
        return new DeliveryAttempts(entryId, attempts, before?.FirstFailedAt ?? now, now + DelayAfter(attempts, options, Random.Shared.NextDouble()));
    }

    public static bool IsDead(DeliveryAttempts attempts, DateTimeOffset now, WebhooksOptions options) =>
        now - attempts.FirstFailedAt >= options.RetryPeriod;
}
