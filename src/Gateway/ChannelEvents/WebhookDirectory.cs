using Gateway.ChannelEvents.Storage;
using Gateway.Edge.ApiKeys;
using Microsoft.Extensions.Options;

namespace Gateway.ChannelEvents;

/// <summary>
/// This instance's copy of the subscriptions, with what each owner may receive now: a partner's customers are read from
/// the partner directory at each refresh, so a partner that stops acting for a customer stops receiving its events
/// within <see cref="WebhooksOptions.PollInterval"/>. Refreshed at most once per interval (and at once after a change
/// made here); the decision of who receives an event is <see cref="RecipientsOf"/>, in one place.
/// </summary>
internal sealed class WebhookDirectory(
    IWebhookSubscriptions subscriptions,
    IWebhookOutbox outbox,
    PartnerDirectory partners,
    IOptions<WebhooksOptions> options,
    TimeProvider time) : IDisposable
{
    readonly SemaphoreSlim _refreshing = new(1, 1);
    volatile Snapshot _snapshot = new([], DateTimeOffset.MinValue);

    /// <summary>The endpoints, as of the last refresh.</summary>
    public async Task<IReadOnlyList<Subscriber>> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (time.GetUtcNow() - snapshot.TakenAt < options.Value.PollInterval)
        {
            return snapshot.Subscribers;
        }

        await _refreshing.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot != snapshot)
            {
                return _snapshot.Subscribers;
            }

            var endpoints = await subscriptions.AllAsync(cancellationToken);
            var customers = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
            foreach (var partnerId in endpoints.Where(e => e.Owner.Kind == WebhookOwnerKind.Partner).Select(e => e.Owner.Id).Distinct())
            {
                customers[partnerId] = (await partners.FindPartnerAsync(partnerId, cancellationToken))?.CustomerIds.ToHashSet(StringComparer.Ordinal)
                    ?? new HashSet<string>();
            }

            var subscribers = new List<Subscriber>(endpoints.Count);
            foreach (var endpoint in endpoints)
            {
                IReadOnlySet<string> actsFor = endpoint.Owner.Kind == WebhookOwnerKind.Partner
                    ? customers[endpoint.Owner.Id]
                    : new HashSet<string>(StringComparer.Ordinal) { endpoint.Owner.CustomerId! };
                subscribers.Add(new Subscriber(endpoint, actsFor, (await outbox.HealthAsync(endpoint.WebhookId)).IsDisabled));
            }

            _snapshot = new Snapshot(subscribers, time.GetUtcNow());
            return subscribers;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    /// <summary>A change made here (a registration, a removal, an endpoint disabled) is seen by the next read.</summary>
    public void Invalidate() => _snapshot = new Snapshot(_snapshot.Subscribers, DateTimeOffset.MinValue);

    /// <summary>
    /// Who receives <paramref name="produced"/>: enabled endpoints subscribed to its type whose owner acts for its customer
    /// (an event about a customer never reaches anyone else, whatever they subscribed to), within their SKU and customer filters.
    /// </summary>
    public static IEnumerable<WebhookEndpoint> RecipientsOf(IEnumerable<Subscriber> subscribers, ProducedEvent produced)
    {
        ArgumentNullException.ThrowIfNull(produced);
        foreach (var (endpoint, actsFor, disabled) in subscribers)
        {
            if (disabled || !endpoint.Events.Contains(produced.Type, StringComparer.Ordinal))
            {
                continue;
            }

            if (produced.CustomerId is { } customerId
                && (!actsFor.Contains(customerId) || (endpoint.CustomerIds.Count > 0 && !endpoint.CustomerIds.Contains(customerId, StringComparer.Ordinal))))
            {
                continue;
            }

            if (produced.Sku is { } sku && endpoint.Skus.Count > 0 && !endpoint.Skus.Contains(sku, StringComparer.Ordinal))
            {
                continue;
            }

            yield return endpoint;
        }
    }

    public void Dispose() => _refreshing.Dispose();

    sealed record Snapshot(IReadOnlyList<Subscriber> Subscribers, DateTimeOffset TakenAt);
}

/// <summary>An endpoint with the customers its owner acts for now, and whether it is disabled.</summary>
internal sealed record Subscriber(WebhookEndpoint Endpoint, IReadOnlySet<string> ActsFor, bool Disabled);
