using System.Text.Json;

namespace Gateway.ChannelEvents.Api;

/// <summary>An endpoint as its owner and operators see it (never its secret): <c>state</c> is <c>Active</c> or <c>Disabled</c>.</summary>
public sealed record WebhookView(
    string WebhookId,
    string Url,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> Skus,
    IReadOnlyList<string> CustomerIds,
    string State,
    DateTimeOffset? FailingSince,
    DateTimeOffset? DisabledAt,
    string? LastError,
    long Queued,
    DateTimeOffset CreatedAt)
{
    internal static WebhookView From(WebhookEndpoint endpoint, WebhookHealth health, long queued) =>
        new(endpoint.WebhookId, endpoint.Url, endpoint.Events, endpoint.Skus, endpoint.CustomerIds, health.IsDisabled ? "Disabled" : "Active",
            health.FailingSince, health.DisabledAt, health.LastError, queued, endpoint.CreatedAt);
}

/// <summary>A new endpoint with its signing secret, shown this once.</summary>
public sealed record CreatedWebhookView(string WebhookId, string Secret, string Url, IReadOnlyList<string> Events, IReadOnlyList<string> Skus, IReadOnlyList<string> CustomerIds, DateTimeOffset CreatedAt);

/// <summary>A rotated secret, shown this once; the previous one still signs (beside it) until <paramref name="PreviousSecretExpiresAt"/>.</summary>
public sealed record RotatedSecretView(string WebhookId, string Secret, DateTimeOffset PreviousSecretExpiresAt);

/// <summary>A list of endpoints.</summary>
public sealed record WebhookList(IReadOnlyList<WebhookView> Items);

/// <summary>An endpoint's dead letters, newest first.</summary>
public sealed record DeadLetterPage(IReadOnlyList<DeadLetterView> Items);

/// <summary>An undelivered event: why it was given up on, and the event itself as it would have been delivered.</summary>
public sealed record DeadLetterView(string DeadLetterId, string EventId, string Type, int Attempts, string LastError, DateTimeOffset DeadAt, JsonElement Event)
{
    internal static DeadLetterView From(DeadLetter letter) =>
        new(letter.DeadLetterId, letter.EventId, letter.Type, letter.Attempts, letter.LastError, letter.DeadAt, JsonDocument.Parse(letter.Body).RootElement.Clone());
}
