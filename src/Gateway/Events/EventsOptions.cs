using System.ComponentModel.DataAnnotations;
using Gateway.Core.Events;

namespace Gateway.Events;

/// <summary>Change events from the ERPs (<c>Events:*</c>): the cloud ERP's webhooks and the legacy ERP's change feed.</summary>
public sealed class EventsOptions : IValidatableObject
{
    public const string SectionName = "Events";

    /// <summary>HMAC-SHA256 secret shared with the cloud ERP's webhooks. Default: none, every webhook is refused (401).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// How far a webhook's <c>X-Erp-Timestamp</c> may be from this gateway's clock, in the past or in the future, before
    /// the webhook is refused (401): a captured webhook cannot be delivered again once this has passed. At most half of
    /// <see cref="ReplayWindow"/>. Default: 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Whether a webhook signed the older way, over the body alone and without <c>X-Erp-Timestamp</c>, is accepted: only
    /// while an ERP migrates, since such a webhook can be replayed once <see cref="ReplayWindow"/> has forgotten its
    /// event id. Default: false.
    /// </summary>
    public bool AcceptUntimestampedWebhooks { get; set; }

    /// <summary>Whether this cluster polls the legacy ERP's <c>GetChanges</c>. Default: Auto, when any domain's system of record is Legacy.</summary>
    public LegacyFeedMode LegacyFeed { get; set; } = LegacyFeedMode.Auto;

    /// <summary>Pause between two polls when the feed had nothing more. Default: 500 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")] public TimeSpan LegacyPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the poller's lease lasts unless renewed: another instance takes over this long after the holder dies. Default: 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")] public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long an event id is remembered, so a replay within it has no effect. Default: 1 day.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")] public TimeSpan ReplayWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Entries the Redis stream of canonical change events keeps (approximately). Default: 100,000.</summary>
    [Range(1_000, 10_000_000)] public int StreamLength { get; set; } = 100_000;

    /// <summary>
    /// The freshness objective per change type: how long after a change in the ERP it should be applied here
    /// (<c>Events:FreshnessObjective:&lt;type&gt;</c>, e.g. <c>Events__FreshnessObjective__price.changed=00:00:10</c>). Published as
    /// <c>gateway_events_freshness_objective_seconds</c> for the alert on the 95th percentile of
    /// <c>gateway_events_delay_seconds</c>, and shown by the console. Default: 30 s for each of item, price, inventory,
    /// customer and order changes.
    /// </summary>
    public Dictionary<string, TimeSpan> FreshnessObjective { get; set; } = new(StringComparer.Ordinal)
    {
        [ErpChangeTypes.ItemChanged] = TimeSpan.FromSeconds(30),
        [ErpChangeTypes.PriceChanged] = TimeSpan.FromSeconds(30),
        [ErpChangeTypes.InventoryChanged] = TimeSpan.FromSeconds(30),
        [ErpChangeTypes.CustomerChanged] = TimeSpan.FromSeconds(30),
        [ErpChangeTypes.OrderChanged] = TimeSpan.FromSeconds(30),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (type, objective) in FreshnessObjective)
        {
            if (!ErpChangeTypes.IsKnown(type) || objective <= TimeSpan.Zero)
            {
                yield return new ValidationResult(
                    $"Events:FreshnessObjective:{type} must name a change type (item.changed, price.changed, inventory.changed, customer.changed, order.changed) and be positive.",
                    [nameof(FreshnessObjective)]);
            }
        }

        // A webhook is accepted while its timestamp is within the tolerance either side of the clock: for up to twice
        // the tolerance. Its event id must be remembered that long, or a replay late in that span would be applied again.
        if (WebhookTolerance * 2 > ReplayWindow)
        {
            yield return new ValidationResult(
                $"Events:WebhookTolerance ({WebhookTolerance}) may be at most half of Events:ReplayWindow ({ReplayWindow}), so a webhook is remembered as long as it can be accepted.",
                [nameof(WebhookTolerance)]);
        }
    }
}

/// <summary>Whether the legacy change feed is polled.</summary>
public enum LegacyFeedMode
{
    /// <summary>When any domain's system of record (<c>Erp:Routing</c>) is the legacy ERP.</summary>
    Auto,
    On,
    Off,
}
