using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gateway.IntegrationTests.Caching;

namespace Gateway.IntegrationTests.Events;

/// <summary>Builds and posts change events to <c>/events/erp</c> as the cloud ERP does.</summary>
internal static class Webhooks
{
    static long _sequence = 1_000_000;

    /// <summary>A sequence above any the simulator hands out in a test run.</summary>
    public static long NextSequence() => Interlocked.Increment(ref _sequence);

    public static string Event(string type, string? sku = null, string? customerId = null, long? sequence = null, string? eventId = null) =>
        JsonSerializer.Serialize(new
        {
            eventId = eventId ?? Guid.NewGuid().ToString(),
            type,
            sku,
            customerId,
            sequence = sequence ?? NextSequence(),
            occurredAt = DateTimeOffset.UtcNow,
        }, JsonSerializerOptions.Web);

    public static string Sign(string body, string secret = CacheTestHost.WebhookSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events/erp")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Erp-Signature", signature);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string body) => PostAsync(client, body, Sign(body));
}
