using System.ComponentModel.DataAnnotations;

namespace Gateway.ChannelEvents;

/// <summary>Outbound webhooks to the channels (<c>Webhooks:*</c>): target policy, retries, limits.</summary>
public sealed class WebhooksOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Lets endpoints use <c>http</c> and loopback, link-local and private addresses (development and tests only): off, a
    /// target must be <c>https</c> and resolve outside those ranges, checked at registration and again at each connection.
    /// Default: false.
    /// </summary>
    public bool AllowInsecureTargets { get; set; }

    /// <summary>How long an event is retried (exponential backoff with jitter) before it goes to the dead letters. Default: 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The wait after the first failed attempt; each further failure doubles it, up to <see cref="MaxRetryDelay"/>. Default: 5 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts. Default: 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a receiver may take to answer one delivery (connection included). Default: 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>An endpoint whose deliveries have failed without a success for this long is disabled. Default: 3 days.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "90.00:00:00")]
    public TimeSpan DisableAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How long the previous secret still signs deliveries after a rotation (both signatures are sent). Default: 24 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long an instance holds an endpoint's delivery lease without renewing it: another instance takes the endpoint
    /// over this long after the holder died. Default: 15 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often an instance looks for endpoints with events to deliver and refreshes its copy of the subscriptions. Default: 1 second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Endpoints one owner (a partner or a storefront app) may register. Default: 10.</summary>
    [Range(1, 100)]
    public int MaxEndpointsPerOwner { get; set; } = 10;

    /// <summary>Events waiting for one endpoint; beyond it a new event goes straight to the dead letters. Default: 10000.</summary>
    [Range(10, 1_000_000)]
    public int MaxQueueLength { get; set; } = 10_000;

    /// <summary>Dead letters kept per endpoint (the oldest are dropped beyond it). Default: 1000.</summary>
    [Range(1, 100_000)]
    public int MaxDeadLetters { get; set; } = 1_000;

    /// <summary>Endpoints one instance delivers to at once (each one request at a time, in order). Default: 64.</summary>
    [Range(1, 10_000)]
    public int MaxActiveEndpoints { get; set; } = 64;

    /// <summary>Events produced but not yet queued for their endpoints, per instance; beyond it the oldest is dropped (and counted). Default: 10000.</summary>
    [Range(10, 1_000_000)]
    public int MaxPendingEvents { get; set; } = 10_000;
}
