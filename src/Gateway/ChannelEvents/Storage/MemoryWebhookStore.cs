using System.Globalization;

namespace Gateway.ChannelEvents.Storage;

/// <summary>
/// The embedded mode (no Redis): the same rules in this process, with one lock; a single node always holds every
/// lease. Queued events live as long as the process.
/// </summary>
internal sealed class MemoryWebhookStore : IWebhookSubscriptions, IWebhookOutbox
{
    readonly Lock _lock = new();
    readonly Dictionary<string, WebhookEndpoint> _endpoints = new(StringComparer.Ordinal);
    readonly Dictionary<string, State> _states = new(StringComparer.Ordinal);
    long _nextEntry;

    public Task<bool> TryAddAsync(WebhookEndpoint endpoint, int maxPerOwner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_lock)
        {
            if (_endpoints.Values.Count(e => e.Owner.Key == endpoint.Owner.Key) >= maxPerOwner)
            {
                return Task.FromResult(false);
            }

            _endpoints[endpoint.WebhookId] = endpoint;
            return Task.FromResult(true);
        }
    }

    public Task<WebhookEndpoint?> FindAsync(string webhookId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_endpoints.GetValueOrDefault(webhookId));
        }
    }

    public Task<IReadOnlyList<WebhookEndpoint>> AllAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<WebhookEndpoint>>([.. _endpoints.Values]);
        }
    }

    public Task ReplaceAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_lock)
        {
            if (_endpoints.ContainsKey(endpoint.WebhookId))
            {
                _endpoints[endpoint.WebhookId] = endpoint;
            }
        }

        return Task.CompletedTask;
    }

    public Task RemoveAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_lock)
        {
            _endpoints.Remove(endpoint.WebhookId);
        }

        return Task.CompletedTask;
    }

    public Task<bool> EnqueueAsync(string webhookId, ProducedEvent produced, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(produced);
        lock (_lock)
        {
            var state = StateOf(webhookId);
            if (state.Queue.Count >= maxLength)
            {
                return Task.FromResult(false);
            }

            var entryId = (++_nextEntry).ToString(CultureInfo.InvariantCulture);
            state.Queue.AddLast(new QueuedEvent(entryId, produced.Id, produced.Type, produced.Body));
            return Task.FromResult(true);
        }
    }

    public Task<long> LengthAsync(string webhookId)
    {
        lock (_lock)
        {
            return Task.FromResult((long)StateOf(webhookId).Queue.Count);
        }
    }

    public Task<IReadOnlyList<string>> WithWorkAsync(IReadOnlyList<string> webhookIds)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. webhookIds.Where(id => _states.TryGetValue(id, out var s) && s.Queue.Count > 0)]);
        }
    }

    public Task<bool> TryHoldAsync(string webhookId, string holder, TimeSpan lease) => Task.FromResult(true);

    public Task ReleaseAsync(string webhookId, string holder) => Task.CompletedTask;

    public Task<(QueuedEvent Event, DeliveryAttempts? Attempts)?> HeadAsync(string webhookId)
    {
        lock (_lock)
        {
            var state = StateOf(webhookId);
            return Task.FromResult<(QueuedEvent, DeliveryAttempts?)?>(state.Queue.First is { Value: var head }
                ? (head, state.Attempts?.EntryId == head.EntryId ? state.Attempts : null)
                : null);
        }
    }

    public Task<bool> RecordFailureAsync(string webhookId, string holder, DeliveryAttempts attempts)
    {
        lock (_lock)
        {
            StateOf(webhookId).Attempts = attempts;
            return Task.FromResult(true);
        }
    }

    public Task<bool> CompleteAsync(string webhookId, string holder, string entryId) => Settle(webhookId, entryId, null, 0);

    public Task<bool> DeadLetterAsync(string webhookId, string holder, string entryId, DeadLetter letter, int maxDeadLetters) =>
        Settle(webhookId, entryId, letter, maxDeadLetters);

    public Task AddDeadLetterAsync(string webhookId, DeadLetter letter, int maxDeadLetters)
    {
        lock (_lock)
        {
            AddDead(StateOf(webhookId), letter, maxDeadLetters);
        }

        return Task.CompletedTask;
    }

    public Task<long> DeadLetterCountAsync(string webhookId)
    {
        lock (_lock)
        {
            return Task.FromResult((long)StateOf(webhookId).Dead.Count);
        }
    }

    public Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string webhookId, int max)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<DeadLetter>>([.. StateOf(webhookId).Dead.Take(max)]);
        }
    }

    public Task<bool?> ReplayAsync(string webhookId, string deadLetterId, int maxLength)
    {
        lock (_lock)
        {
            var state = StateOf(webhookId);
            if (state.Dead.FirstOrDefault(d => d.DeadLetterId == deadLetterId) is not { } letter)
            {
                return Task.FromResult<bool?>(null);
            }

            if (state.Queue.Count >= maxLength)
            {
                return Task.FromResult<bool?>(false);
            }

            state.Dead.Remove(letter);
            state.Queue.AddLast(new QueuedEvent((++_nextEntry).ToString(CultureInfo.InvariantCulture), letter.EventId, letter.Type, letter.Body));
            return Task.FromResult<bool?>(true);
        }
    }

    public Task<WebhookHealth> HealthAsync(string webhookId)
    {
        lock (_lock)
        {
            return Task.FromResult(StateOf(webhookId).Health);
        }
    }

    public Task SetHealthAsync(string webhookId, WebhookHealth health)
    {
        lock (_lock)
        {
            StateOf(webhookId).Health = health;
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string webhookId)
    {
        lock (_lock)
        {
            _states.Remove(webhookId);
        }

        return Task.CompletedTask;
    }

    Task<bool> Settle(string webhookId, string entryId, DeadLetter? letter, int maxDeadLetters)
    {
        lock (_lock)
        {
            var state = StateOf(webhookId);
            if (state.Queue.First?.Value.EntryId != entryId)
            {
                return Task.FromResult(false);
            }

            state.Queue.RemoveFirst();
            state.Attempts = null;
            if (letter is not null)
            {
                AddDead(state, letter, maxDeadLetters);
            }

            return Task.FromResult(true);
        }
    }

    static void AddDead(State state, DeadLetter letter, int maxDeadLetters)
    {
        state.Dead.Insert(0, letter);
        if (state.Dead.Count > maxDeadLetters)
        {
            state.Dead.RemoveRange(maxDeadLetters, state.Dead.Count - maxDeadLetters);
        }
    }

    State StateOf(string webhookId)
    {
        if (!_states.TryGetValue(webhookId, out var state))
        {
            _states[webhookId] = state = new State();
        }

        return state;
    }

    sealed class State
    {
        public LinkedList<QueuedEvent> Queue { get; } = new();

        public List<DeadLetter> Dead { get; } = [];

        public DeliveryAttempts? Attempts { get; set; }

        public WebhookHealth Health { get; set; } = WebhookHealth.Healthy;
    }
}
