using Gateway.ChannelEvents.Api;
using Gateway.ChannelEvents.Delivery;
using Gateway.ChannelEvents.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.ChannelEvents;

/// <summary>What the admin API and an owner's <c>/me/webhooks</c> do to endpoints, in one place: register, list, rotate, enable, remove.</summary>
internal sealed class WebhookRegistry(
    IWebhookSubscriptions subscriptions,
    IWebhookOutbox outbox,
    WebhookDirectory directory,
    TargetPolicy targets,
    IOptions<WebhooksOptions> options,
    TimeProvider time)
{
    /// <summary>The outcome of a registration: the endpoint and its secret, or the fields refused, or neither (the owner has <see cref="WebhooksOptions.MaxEndpointsPerOwner"/> already).</summary>
    public sealed record Registration(CreatedWebhookView? Created, Dictionary<string, string[]>? Errors);

    public async Task<Registration> RegisterAsync(WebhookOwner owner, WebhookRequest request, Func<string, bool> actsFor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = request.Validate(await targets.RefusalAsync(request.Url, cancellationToken), actsFor);
        if (errors.Count > 0)
        {
            return new(null, errors);
        }

        var secret = WebhookSigning.NewSecret();
        var endpoint = new WebhookEndpoint(
            "wh_" + Guid.NewGuid().ToString("N"),
            owner,
            request.Url!,
            [.. request.Events!.Distinct(StringComparer.Ordinal)!],
            [.. (request.Skus ?? []).Distinct(StringComparer.Ordinal)!],
            [.. (request.CustomerIds ?? []).Distinct(StringComparer.Ordinal)!],
            [new WebhookSecret(secret, null)],
            time.GetUtcNow());
        if (!await subscriptions.TryAddAsync(endpoint, options.Value.MaxEndpointsPerOwner, cancellationToken))
        {
            return new(null, null);
        }

        directory.Invalidate();
        return new(new CreatedWebhookView(endpoint.WebhookId, secret, endpoint.Url, endpoint.Events, endpoint.Skus, endpoint.CustomerIds, endpoint.CreatedAt), null);
    }

    public async Task<WebhookEndpoint?> FindAsync(string webhookId, CancellationToken cancellationToken) =>
        webhookId.Length <= 64 ? await subscriptions.FindAsync(webhookId, cancellationToken) : null;

    public async Task<IReadOnlyList<WebhookEndpoint>> OwnedByAsync(Func<WebhookOwner, bool> owned, CancellationToken cancellationToken) =>
        [.. (await subscriptions.AllAsync(cancellationToken)).Where(e => owned(e.Owner)).OrderBy(e => e.CreatedAt)];

    public async Task<WebhookView> ViewAsync(WebhookEndpoint endpoint) =>
        WebhookView.From(endpoint, await outbox.HealthAsync(endpoint.WebhookId), await outbox.LengthAsync(endpoint.WebhookId));

    public async Task<WebhookList> ListAsync(IEnumerable<WebhookEndpoint> endpoints)
    {
        var views = new List<WebhookView>();
        foreach (var endpoint in endpoints)
        {
            views.Add(await ViewAsync(endpoint));
        }

        return new WebhookList(views);
    }

    /// <summary>A new current secret; the previous current one signs beside it for <see cref="WebhooksOptions.SecretOverlap"/>, older ones stop.</summary>
    public async Task<RotatedSecretView> RotateAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var now = time.GetUtcNow();
        var until = now + options.Value.SecretOverlap;
        var secret = WebhookSigning.NewSecret();
        var previous = endpoint.Secrets.Where(s => s.ExpiresAt is null).Select(s => s with { ExpiresAt = until });
        await subscriptions.ReplaceAsync(endpoint with { Secrets = [new WebhookSecret(secret, null), .. previous] }, cancellationToken);
        directory.Invalidate();
        return new RotatedSecretView(endpoint.WebhookId, secret, until);
    }

    /// <summary>Enables a disabled endpoint again: its queue is delivered from where it stopped.</summary>
    public async Task EnableAsync(WebhookEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        await outbox.SetHealthAsync(endpoint.WebhookId, WebhookHealth.Healthy);
        directory.Invalidate();
    }

    public async Task RemoveAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        await subscriptions.RemoveAsync(endpoint, cancellationToken);
        await outbox.DeleteAsync(endpoint.WebhookId);
        directory.Invalidate();
    }

    /// <summary>Every endpoint as operators see it, with its dead letters counted: those in trouble first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<(WebhookEndpoint Endpoint, WebhookView View, long DeadLetters)>> OverviewAsync(int max, CancellationToken cancellationToken)
    {
        var rows = new List<(WebhookEndpoint Endpoint, WebhookView View, long DeadLetters)>();
        foreach (var endpoint in await subscriptions.AllAsync(cancellationToken))
        {
            rows.Add((endpoint, await ViewAsync(endpoint), await outbox.DeadLetterCountAsync(endpoint.WebhookId)));
        }

        return [.. rows
            .OrderBy(r => r.View.State == "Disabled" ? 0 : r.View.FailingSince is not null ? 1 : r.DeadLetters > 0 ? 2 : 3)
            .ThenBy(r => r.Endpoint.CreatedAt)
            .Take(max)];
    }

    public async Task<DeadLetterPage> DeadLettersAsync(WebhookEndpoint endpoint) =>
        new([.. (await outbox.DeadLettersAsync(endpoint.WebhookId, options.Value.MaxDeadLetters)).Select(DeadLetterView.From)]);

    /// <summary>Queues a dead letter again (at the tail); null when there is no such letter, false when the queue is full.</summary>
    public Task<bool?> ReplayAsync(WebhookEndpoint endpoint, string deadLetterId) =>
        deadLetterId.Length <= 64 ? outbox.ReplayAsync(endpoint.WebhookId, deadLetterId, options.Value.MaxQueueLength) : Task.FromResult<bool?>(null);
}
