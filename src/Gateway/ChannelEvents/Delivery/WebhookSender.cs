using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace Gateway.ChannelEvents.Delivery;

/// <summary>
/// One delivery: <c>POST</c> of the event's body with the Standard Webhooks headers, bounded by
/// <see cref="WebhooksOptions.DeliveryTimeout"/>. Its own HTTP client (no redirects, <see cref="TargetPolicy"/> at each
/// connection, no ERP budget anywhere on its path). A 2xx answer is a delivery; anything else, or no answer in time, a failure.
/// </summary>
internal sealed class WebhookSender(IHttpClientFactory clients, IOptions<WebhooksOptions> options, TimeProvider time)
{
    public const string ClientName = "webhooks";

    /// <returns>Null when delivered; else why not, in words fit for a dead letter (no body of the receiver's).</returns>
    public async Task<string?> SendAsync(WebhookEndpoint endpoint, QueuedEvent queued, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var timestamp = now.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(queued.Body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        // A partner's URL is its own business (and may carry its token): no span records it.
        request.Options.Set(Observability.GatewayTracing.Untraced, true);
        request.Headers.Add("webhook-id", queued.EventId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigning.Signature(endpoint.LiveSecrets(now), queued.EventId, timestamp, queued.Body));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.DeliveryTimeout);
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode ? null : string.Create(CultureInfo.InvariantCulture, $"The receiver answered {(int)response.StatusCode}.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return "The receiver did not answer within " + options.Value.DeliveryTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s.";
        }
        catch (HttpRequestException exception)
        {
            return "The receiver could not be reached (" + (exception.HttpRequestError == HttpRequestError.Unknown ? "connection failed" : exception.HttpRequestError.ToString()) + ").";
        }
    }
}
