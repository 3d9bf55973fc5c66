using System.Globalization;
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
            occurredAt = TimeProvider.System.GetUtcNow(),
        }, JsonSerializerOptions.Web);

    /// <summary>The <c>X-Erp-Timestamp</c> of a webhook signed now, or <paramref name="age"/> ago (negative: ahead).</summary>
    public static string Timestamp(TimeSpan age = default) =>
        (TimeProvider.System.GetUtcNow() - age).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The <c>X-Erp-Signature</c> over <c>"&lt;timestamp&gt;.&lt;body&gt;"</c>.</summary>
    public static string Sign(string timestamp, string body, string secret = CacheTestHost.WebhookSecret) =>
        SignBodyOnly(timestamp + "." + body, secret);

    /// <summary>The older signature, over the body alone, sent without <c>X-Erp-Timestamp</c>.</summary>
    public static string SignBodyOnly(string body, string secret = CacheTestHost.WebhookSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    /// <param name="timestamp">The <c>X-Erp-Timestamp</c> header; null sends none.</param>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string body, string? signature, string? timestamp)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events/erp")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (timestamp is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Erp-Timestamp", timestamp);
        }

        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Erp-Signature", signature);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Posts <paramref name="body"/> as the cloud ERP does: timestamped now and signed with the secret.</summary>
    public static Task<HttpResponseMessage> PostSignedAsync(HttpClient client, string body)
    {
        var timestamp = Timestamp();
        return PostAsync(client, body, Sign(timestamp, body), timestamp);
    }
}
