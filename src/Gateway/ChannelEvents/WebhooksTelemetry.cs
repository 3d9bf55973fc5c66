using System.Diagnostics.Metrics;

namespace Gateway.ChannelEvents;

/// <summary>The channel webhooks' meter, published on <c>/metrics</c>.</summary>
internal static class WebhooksTelemetry
{
    public const string Name = "Gateway.ChannelEvents";

    const string TypeTag = "event.type";
    const string OutcomeTag = "webhook.outcome";

    static readonly Meter Meter = new(Name);

    static readonly Counter<long> ProducedEvents = Meter.CreateCounter<long>(
        "gateway.webhooks.events.produced", description: "Channel events produced, by type (before they are queued for their endpoints).");

    static readonly Counter<long> DroppedEvents = Meter.CreateCounter<long>(
        "gateway.webhooks.events.dropped", description: "Produced events dropped before queueing: the instance's pending queue was full.");

    static readonly Counter<long> Attempts = Meter.CreateCounter<long>(
        "gateway.webhooks.deliveries", description: "Delivery attempts, by outcome (delivered, failed).");

    static readonly Counter<long> DeadLetters = Meter.CreateCounter<long>(
        "gateway.webhooks.dead_letters", description: "Events moved to an endpoint's dead letters.");

    public static void Produced(string type) => ProducedEvents.Add(1, new KeyValuePair<string, object?>(TypeTag, type));

    public static void Dropped() => DroppedEvents.Add(1);

    public static void Attempted(bool delivered) => Attempts.Add(1, new KeyValuePair<string, object?>(OutcomeTag, delivered ? "delivered" : "failed"));

    public static void DeadLettered() => DeadLetters.Add(1);
}
