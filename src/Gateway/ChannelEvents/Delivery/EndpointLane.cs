using Gateway.ChannelEvents.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.ChannelEvents.Delivery;

/// <summary>
/// Delivers one endpoint's queue, oldest first, one request at a time: so events reach the endpoint in the order they
/// were queued (in order per entity), and a slow receiver holds up only itself. Runs while this instance holds the
/// endpoint's lease (renewed alongside) and the queue has events; the attempts at the head are in Redis, so an
/// instance that takes the endpoint over continues the same backoff.
/// </summary>
internal sealed class EndpointLane(
    string webhookId,
    string holder,
    WebhookDirectory directory,
    IWebhookOutbox outbox,
    WebhookSender sender,
    IOptions<WebhooksOptions> options,
    TimeProvider time,
    ILogger logger)
{
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var lane = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewal = RenewAsync(lane);
        try
        {
            var health = await outbox.HealthAsync(webhookId);
            while (!lane.IsCancellationRequested && await NextAsync(health, lane.Token) is { } next)
            {
                health = next;
            }
        }
        catch (OperationCanceledException) when (lane.IsCancellationRequested)
        {
            // Stopping, or the lease was lost: the head stays queued for the next holder.
        }
        finally
        {
            await lane.CancelAsync();
            await renewal;
            await outbox.ReleaseAsync(webhookId, holder);
        }
    }

    /// <summary>One step at the head; null when the lane is done (queue empty, endpoint gone or disabled).</summary>
    async Task<WebhookHealth?> NextAsync(WebhookHealth health, CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (await outbox.HeadAsync(webhookId) is not (QueuedEvent queued, var attempts)
            || (await directory.CurrentAsync(cancellationToken)).FirstOrDefault(s => s.Endpoint.WebhookId == webhookId) is not { } subscriber
            || health.IsDisabled)
        {
            return null;
        }

        var wait = attempts is null ? TimeSpan.Zero : attempts.NextAttemptAt - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait < o.PollInterval ? wait : o.PollInterval, time, cancellationToken);
            return health;
        }

        var failure = await sender.SendAsync(subscriber.Endpoint, queued, cancellationToken);
        WebhooksTelemetry.Attempted(failure is null);
        var now = time.GetUtcNow();
        if (failure is null)
        {
            await outbox.CompleteAsync(webhookId, holder, queued.EntryId);
            if (health.FailingSince is null)
            {
                return health;
            }

            await outbox.SetHealthAsync(webhookId, WebhookHealth.Healthy);
            return WebhookHealth.Healthy;
        }

        var failed = RetrySchedule.Failed(attempts, queued.EntryId, now, o);
        if (RetrySchedule.IsDead(failed, now, o))
        {
            await outbox.DeadLetterAsync(webhookId, holder, queued.EntryId, DeadLetter.Of(queued.EventId, queued.Type, queued.Body, failed.Attempts, failure, now), o.MaxDeadLetters);
            WebhooksTelemetry.DeadLettered();
            Log.DeadLettered(logger, queued.EventId, webhookId, failed.Attempts);
        }
        else
        {
            await outbox.RecordFailureAsync(webhookId, holder, failed);
        }

        var failingSince = health.FailingSince ?? now;
        var next = new WebhookHealth(failingSince, now - failingSince >= o.DisableAfter ? now : null, failure);
        await outbox.SetHealthAsync(webhookId, next);
        if (next.IsDisabled)
        {
            Log.Disabled(logger, webhookId, failingSince);
            directory.Invalidate();
        }

        return next;
    }

    /// <summary>Renews the lease a few times per lease period; a lost lease (this instance stalled) stops the lane.</summary>
    async Task RenewAsync(CancellationTokenSource lane)
    {
        var period = options.Value.LeaseDuration / 3;
        try
        {
            while (!lane.IsCancellationRequested)
            {
                await Task.Delay(period, time, lane.Token);
                if (!await outbox.TryHoldAsync(webhookId, holder, options.Value.LeaseDuration))
                {
                    await lane.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The lane ended.
        }
        catch (Exception exception)
        {
            // Redis away: without a renewed lease another instance may take over, so this one stops.
            Log.LaneFailed(logger, webhookId, exception.GetType().Name);
            await lane.CancelAsync();
        }
    }
}
