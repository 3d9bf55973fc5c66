namespace Gateway.ChannelEvents.Storage;

/// <summary>The registered endpoints: one small directory (every instance keeps a copy, <see cref="WebhookDirectory"/>).</summary>
internal interface IWebhookSubscriptions
{
    /// <summary>Adds <paramref name="endpoint"/>; false when its owner already has <paramref name="maxPerOwner"/> endpoints.</summary>
    Task<bool> TryAddAsync(WebhookEndpoint endpoint, int maxPerOwner, CancellationToken cancellationToken);

    Task<WebhookEndpoint?> FindAsync(string webhookId, CancellationToken cancellationToken);

    Task<IReadOnlyList<WebhookEndpoint>> AllAsync(CancellationToken cancellationToken);

    /// <summary>Writes a changed endpoint (a rotated secret) over the stored one.</summary>
    Task ReplaceAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken);

    Task RemoveAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken);
}

/// <summary>
/// Each endpoint's queue (oldest first), the attempts at its oldest event, its dead letters and its health, and the
/// lease of the one instance delivering to it. The queue operations that follow a delivery are fenced by the lease: an
/// instance that lost it (it stalled past the lease) changes nothing.
/// </summary>
internal interface IWebhookOutbox
{
    /// <summary>Queues <paramref name="produced"/> at the tail; false when the queue already holds <paramref name="maxLength"/> events.</summary>
    Task<bool> EnqueueAsync(string webhookId, ProducedEvent produced, int maxLength);

    Task<long> LengthAsync(string webhookId);

    /// <summary>Of <paramref name="webhookIds"/>, those with queued events.</summary>
    Task<IReadOnlyList<string>> WithWorkAsync(IReadOnlyList<string> webhookIds);

    /// <summary>Takes or renews the endpoint's lease for <paramref name="holder"/>; false when another holder has it.</summary>
    Task<bool> TryHoldAsync(string webhookId, string holder, TimeSpan lease);

    Task ReleaseAsync(string webhookId, string holder);

    /// <summary>The oldest queued event and the attempts made at it so far; null for an empty queue.</summary>
    Task<(QueuedEvent Event, DeliveryAttempts? Attempts)?> HeadAsync(string webhookId);

    Task<bool> RecordFailureAsync(string webhookId, string holder, DeliveryAttempts attempts);

    /// <summary>Removes the delivered head.</summary>
    Task<bool> CompleteAsync(string webhookId, string holder, string entryId);

    /// <summary>Moves the head to the dead letters (keeping the newest <paramref name="maxDeadLetters"/>).</summary>
    Task<bool> DeadLetterAsync(string webhookId, string holder, string entryId, DeadLetter letter, int maxDeadLetters);

    /// <summary>A dead letter for an event that never entered the queue (it was full).</summary>
    Task AddDeadLetterAsync(string webhookId, DeadLetter letter, int maxDeadLetters);

    Task<long> DeadLetterCountAsync(string webhookId);

    /// <summary>The newest dead letters first.</summary>
    Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string webhookId, int max);

    /// <summary>Moves a dead letter back to the queue's tail; null when there is no such letter, false when the queue is full.</summary>
    Task<bool?> ReplayAsync(string webhookId, string deadLetterId, int maxLength);

    Task<WebhookHealth> HealthAsync(string webhookId);

    Task SetHealthAsync(string webhookId, WebhookHealth health);

    /// <summary>Drops everything of a removed endpoint.</summary>
    Task DeleteAsync(string webhookId);
}
