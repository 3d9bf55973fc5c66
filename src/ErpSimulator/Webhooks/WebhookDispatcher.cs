using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Channels;
using ErpSimulator.Data;
using Microsoft.Extensions.Options;

namespace ErpSimulator.Webhooks;

/// <summary>
/// Follows the change log and posts every event to every receiver, at least once. Per receiver, events are spread
/// over a few lanes by entity, so one entity's events arrive in order while a slow or failing entity holds up only
/// its own lane. Retries back off exponentially (100 ms doubling, capped at 5 s) until delivered or shut down; every
/// attempt is signed anew with the time it is sent, so a delivery retried after an outage is not refused as stale.
/// </summary>
internal sealed class WebhookDispatcher(
    ErpDataSet dataSet, IOptions<SimulatorOptions> options, IHttpClientFactory clients, TimeProvider time, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    public const string ClientName = "webhooks";
    private const int LanesPerReceiver = 4;
    private const int ReadBatch = 1000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Delivery(string EventId, byte[] Body);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var receivers = options.Value.WebhookReceivers();
        if (receivers.Count == 0)
        {
            return;
        }

        Log.WebhooksStarted(logger, receivers.Count);
        var lanes = receivers.Select(_ => Enumerable.Range(0, LanesPerReceiver)
            .Select(_ => Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true }))
            .ToArray()).ToArray();
        var workers = receivers.SelectMany((receiver, r) => lanes[r].Select(lane => DeliverLaneAsync(receiver, lane.Reader, stoppingToken))).ToList();

        try
        {
            long token = 0;
            while (!stoppingToken.IsCancellationRequested)
            {
                await dataSet.Changes.WaitForChangesAsync(token, stoppingToken);
                foreach (var change in dataSet.ChangesSince(token, ReadBatch))
                {
                    token = change.Token;
                    var body = JsonSerializer.SerializeToUtf8Bytes(WebhookEvent.From(change), Json);
                    var delivery = new Delivery(change.EventId, body);
                    var lane = (int)((uint)change.EntityKey.GetHashCode(StringComparison.Ordinal) % LanesPerReceiver);
                    foreach (var receiverLanes in lanes)
                    {
                        receiverLanes[lane].Writer.TryWrite(delivery);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; undelivered events are lost with the process, as the ERP's own state is.
        }

        await Task.WhenAll(workers);
    }

    private async Task DeliverLaneAsync(Uri receiver, ChannelReader<Delivery> lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in lane.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(receiver, delivery, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task DeliverAsync(Uri receiver, Delivery delivery, CancellationToken stoppingToken)
    {
        var client = clients.CreateClient(ClientName);
        var secret = options.Value.WebhookSecret ?? "";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, receiver) { Content = new ByteArrayContent(delivery.Body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var timestamp = WebhookSignature.Timestamp(time.GetUtcNow());
                request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeaderName, timestamp);
                request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(timestamp, delivery.Body, secret));
                using var response = await client.SendAsync(request, stoppingToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                Log.DeliveryRefused(logger, delivery.EventId, receiver, (int)response.StatusCode, attempt);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.DeliveryFailed(logger, delivery.EventId, receiver, attempt, ex);
            }

            var backoff = TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, Math.Min(attempt - 1, 10))));
            await Task.Delay(backoff, time, stoppingToken);
        }
    }
}
