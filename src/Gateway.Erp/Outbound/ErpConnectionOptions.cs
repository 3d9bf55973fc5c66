using System.ComponentModel.DataAnnotations;

namespace Gateway.Erp.Outbound;

/// <summary>
/// What both ERPs' outbound pipelines are configured with: where the ERP is, how long a call may take, how it is
/// retried and when its circuit opens, and how the budget is shared between interactive and background traffic.
/// Each ERP's sealed options add its own quota (<see cref="Legacy.LegacyErpOptions"/>, <see cref="Cloud.CloudErpOptions"/>).
/// </summary>
public abstract class ErpConnectionOptions : IValidatableObject
{
    /// <summary>Base URL of the ERP (the simulator serves both ERPs there). Default: <c>http://127.0.0.1:9080</c>.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "http://127.0.0.1:9080";

    /// <summary>Time one request to the ERP may take before it is abandoned (and retried if it was a read). Default: 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time one operation may take in all: budget waits, attempts and back-off. Default: 15 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Longest wait for room in the ERP's budget; past it (or when the wait is predicted to be longer) the call fails
    /// at once with <c>ErpUnavailableException</c> and a Retry-After. Default: 2 s.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Most calls of one traffic class waiting for budget; more are refused at once. Default: 1000.</summary>
    [Range(1, 100_000)]
    public int MaxQueueLength { get; set; } = 1000;

    /// <summary>Share of the budget only interactive calls may use when background work keeps the ERP busy. Default: 0.25.</summary>
    [Range(0.0, 0.9)]
    public double InteractiveReserve { get; set; } = 0.25;

    /// <summary>Share of the budget background work is guaranteed when both classes wait. Default: 0.25.</summary>
    [Range(0.05, 0.95)]
    public double BackgroundShare { get; set; } = 0.25;

    /// <summary>Retries of a read after a transient failure, a timeout or a throttle. Default: 3.</summary>
    [Range(0, 10)]
    public int ReadRetries { get; set; } = 3;

    /// <summary>Retries of an order hand-off; safe because the ERP deduplicates by external reference. Default: 2.</summary>
    [Range(0, 5)]
    public int WriteRetries { get; set; } = 2;

    /// <summary>First retry delay; later ones grow exponentially, with jitter. Default: 100 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:30")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Failure ratio over <see cref="BreakerSamplingDuration"/> that opens the circuit. Default: 0.5.</summary>
    [Range(0.05, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed in the sampling window before the circuit may open. Default: 8.</summary>
    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 8;

    /// <summary>Window over which failures are counted. Default: 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an open circuit refuses calls before one probe goes through. Default: 5 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long single-key lookups wait for others to join one batched ERP call; zero turns micro-batching off
    /// (identical lookups in flight are still shared). Default: 1 ms.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:00.100")]
    public TimeSpan CoalescingWindow { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Calls of one kind (operation, group, traffic class) on their way beyond which a batch whose window ended keeps
    /// taking keys until one of them ends, so that a burst the budget still has room for becomes fuller calls rather
    /// than more of them; 0 turns the hold off. Default: 1.
    /// </summary>
    [Range(0, 64)]
    public int CoalescingCallsInFlight { get; set; } = 1;

    /// <summary>Longest a batch is held for a call on its way (a hung call holds the next one no longer). Default: 100 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan CoalescingMaxHold { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Most keys one ERP call may carry (the ERP refuses more).</summary>
    public abstract int BatchLimit { get; }

    /// <summary>Most rows one search call may ask for.</summary>
    public abstract int PageLimit { get; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AttemptTimeout > TotalTimeout)
        {
            yield return new ValidationResult("AttemptTimeout must not exceed TotalTimeout.", [nameof(AttemptTimeout)]);
        }

        if (QueueTimeout >= TotalTimeout)
        {
            yield return new ValidationResult("QueueTimeout must be shorter than TotalTimeout.", [nameof(QueueTimeout)]);
        }
    }
}
