using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Orders.Documents;

/// <summary>A caller of one gateway: a storefront token or a partner key, and the order, shipment, invoice and return routes.</summary>
internal sealed class DocumentCalls(HttpClient gateway, string? token = null, string? apiKey = null)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var request = Authorized(new HttpRequestMessage(HttpMethod.Get, path));
        using var response = await gateway.SendAsync(request, Ct);
        return (response.StatusCode, await BodyAsync(response));
    }

    /// <summary>
    /// Posts <paramref name="body"/>. With an idempotency key it behaves as the contract tells a client to: a 503 (the ERP
    /// cannot answer now, as on a busy test machine) is sent again with the same key after its Retry-After, a few times.
    /// </summary>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object body, string? idempotencyKey)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = Authorized(new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: Json) });
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }

            using var response = await gateway.SendAsync(request, Ct);
            if (idempotencyKey is null || response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 6)
            {
                return (response.StatusCode, await BodyAsync(response));
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            await Task.Delay(wait < TimeSpan.FromSeconds(5) ? wait : TimeSpan.FromSeconds(5), Ct);
        }
    }

    /// <summary>Places an order and waits until its status is <paramref name="status"/>.</summary>
    public async Task<JsonElement> PlaceAndWaitAsync(object order, string status)
    {
        var (placed, body) = await PostAsync("v1/orders", order, Guid.NewGuid().ToString("N"));
        Assert.Equal(HttpStatusCode.Accepted, placed);
        return await WaitForAsync("v1/orders/" + body.GetProperty("orderId").GetString(), o => o.GetProperty("status").GetString() == status);
    }

    /// <summary>Reads <paramref name="path"/> until its 200 answer satisfies <paramref name="condition"/>.</summary>
    public async Task<JsonElement> WaitForAsync(string path, Func<JsonElement, bool> condition, int seconds = 30)
    {
        JsonElement seen = default;
        await Eventually.HoldsAsync(async () =>
        {
            var (status, body) = await GetAsync(path);
            seen = body;
            return status == HttpStatusCode.OK && condition(body);
        }, Ct, seconds);
        return seen;
    }

    HttpRequestMessage Authorized(HttpRequestMessage request)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (apiKey is not null)
        {
            request.Headers.Add("X-Api-Key", apiKey);
        }

        return request;
    }

    static async Task<JsonElement> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
