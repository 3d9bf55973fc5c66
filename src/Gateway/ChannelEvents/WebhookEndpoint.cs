using System.Globalization;

namespace Gateway.ChannelEvents;

/// <summary>
/// A registered receiver: where events go, which types, for whom. A partner's endpoint receives events about the
/// customers the partner acts for at delivery time; a storefront app's, only about the customer of the token that
/// registered it (<see cref="WebhookOwner.CustomerId"/>). <see cref="Skus"/> and <see cref="CustomerIds"/> narrow further.
/// </summary>
public sealed record WebhookEndpoint(
    string WebhookId,
    WebhookOwner Owner,
    string Url,
    IReadOnlyList<string> Events,
    IReadOnlyList<string> Skus,
    IReadOnlyList<string> CustomerIds,
    IReadOnlyList<WebhookSecret> Secrets,
    DateTimeOffset CreatedAt)
{
    /// <summary>The secrets that sign a delivery now: the current one, and the previous one during its overlap.</summary>
    public IReadOnlyList<WebhookSecret> LiveSecrets(DateTimeOffset now) => [.. Secrets.Where(s => s.ExpiresAt is null || s.ExpiresAt > now)];
}

/// <summary>Who registered an endpoint: a partner (<paramref name="Id"/> is its partner id) or a storefront app for one customer.</summary>
public sealed record WebhookOwner(WebhookOwnerKind Kind, string Id, string? CustomerId)
{
    /// <summary>One owner's endpoints are counted under this key; length-prefixed, so no id can read as another owner's.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Kind}:{Id.Length}:{Id}:{CustomerId}");
}

public enum WebhookOwnerKind
{
    Partner,
    StorefrontApp,
}

/// <summary>A signing secret, <c>whsec_&lt;base64&gt;</c>; a rotated-out one carries the end of its overlap.</summary>
public sealed record WebhookSecret(string Value, DateTimeOffset? ExpiresAt);

/// <summary>How an endpoint's deliveries fare: failing since when (null after a success), disabled since when.</summary>
public sealed record WebhookHealth(DateTimeOffset? FailingSince, DateTimeOffset? DisabledAt, string? LastError)
{
    public static readonly WebhookHealth Healthy = new(null, null, null);

    public bool IsDisabled => DisabledAt is not null;
}

/// <summary>An event produced once, before it is queued for each endpoint that may receive it.</summary>
/// <param name="CustomerId">The customer the event is about; null for catalog-wide events (stock, list prices).</param>
internal sealed record ProducedEvent(string Id, string Type, string? CustomerId, string? Sku, string Body);

/// <summary>One event in an endpoint's queue.</summary>
internal sealed record QueuedEvent(string EntryId, string EventId, string Type, string Body);

/// <summary>The failed attempts at an endpoint's oldest queued event (it is retried until its period ends).</summary>
internal sealed record DeliveryAttempts(string EntryId, int Attempts, DateTimeOffset FirstFailedAt, DateTimeOffset NextAttemptAt);

/// <summary>An event given up on after the retry period (or refused by a full queue), kept for inspection and replay.</summary>
public sealed record DeadLetter(string DeadLetterId, string EventId, string Type, string Body, int Attempts, string LastError, DateTimeOffset DeadAt)
{
    /// <summary>A new dead letter with an id of its own (an event may die, be replayed and die again).</summary>
    public static DeadLetter Of(string eventId, string type, string body, int attempts, string lastError, DateTimeOffset deadAt) =>
        new("dl_" + Guid.NewGuid().ToString("N")[..16], eventId, type, body, attempts, lastError, deadAt);
}
