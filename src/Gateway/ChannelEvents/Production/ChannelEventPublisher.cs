using System.Threading.Channels;
using Gateway.ChannelEvents.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.ChannelEvents.Production;

/// <summary>
/// Where every channel event enters: written once as its canonical payload, then queued for each endpoint that may
/// receive it (<see cref="WebhookDirectory.RecipientsOf"/>). Producers never wait: events pass through a bounded
/// in-process queue (<see cref="WebhooksOptions.MaxPendingEvents"/>, the oldest dropped and counted beyond it), so
/// neither a request nor an order's progress is held up by Redis or by the number of subscribers. An event is durable
/// once in its endpoints' queues; one produced by an instance that dies before that is lost (the order itself is not).
/// </summary>
internal sealed class ChannelEventPublisher : BackgroundService
{
    static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    readonly Channel<ProducedEvent> _pending;
    readonly WebhookDirectory _directory;
    readonly IWebhookOutbox _outbox;
    readonly IOptions<WebhooksOptions> _options;
    readonly TimeProvider _time;
    readonly ILogger<ChannelEventPublisher> _logger;

    public ChannelEventPublisher(WebhookDirectory directory, IWebhookOutbox outbox, IOptions<WebhooksOptions> options, TimeProvider time, ILogger<ChannelEventPublisher> logger)
    {
        _directory = directory;
        _outbox = outbox;
        _options = options;
        _time = time;
        _logger = logger;
        _pending = Channel.CreateBounded<ProducedEvent>(
            new BoundedChannelOptions(options.Value.MaxPendingEvents) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            _ => WebhooksTelemetry.Dropped());
    }

    /// <summary>Produces one event of <paramref name="type"/> about <paramref name="customerId"/> (null: catalog-wide) and <paramref name="sku"/>.</summary>
    public void Publish<TData>(string type, string? customerId, string? sku, DateTimeOffset occurredAt, TData data)
    {
        var id = "evt_" + Guid.NewGuid().ToString("N");
        var body = ChannelEventTypes.Serialize(new ChannelEvent<TData>(type, ChannelEventTypes.Version, id, occurredAt, data));
        _pending.Writer.TryWrite(new ProducedEvent(id, type, customerId, sku, body));
        WebhooksTelemetry.Produced(type);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var produced in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            while (true)
            {
                try
                {
                    await FanOutAsync(produced, stoppingToken);
                    break;
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    // Redis away: the event waits here (the queue is bounded) until its endpoints' queues can take it.
                    Log.FanOutFailed(_logger, produced.Type, exception.GetType().Name);
                    await Task.Delay(RetryDelay, _time, stoppingToken);
                }
            }
        }
    }

    async Task FanOutAsync(ProducedEvent produced, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        foreach (var endpoint in WebhookDirectory.RecipientsOf(await _directory.CurrentAsync(cancellationToken), produced))
        {
            if (!await _outbox.EnqueueAsync(endpoint.WebhookId, produced, options.MaxQueueLength))
            {
                await _outbox.AddDeadLetterAsync(endpoint.WebhookId, DeadLetter.Of(produced.Id, produced.Type, produced.Body, 0, "The endpoint's queue was full.", _time.GetUtcNow()), options.MaxDeadLetters);
                WebhooksTelemetry.DeadLettered();
            }
        }
    }
}
