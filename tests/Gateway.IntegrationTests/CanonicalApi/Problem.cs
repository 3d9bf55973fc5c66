using System.Net;
using System.Text.Json;

namespace Gateway.IntegrationTests.CanonicalApi;

/// <summary>An RFC 9457 answer as a caller reads it.</summary>
internal sealed record Problem(HttpStatusCode Status, string? ContentType, JsonElement Body)
{
    public string? Type => Body.TryGetProperty("type", out var t) ? t.GetString() : null;

    public string? TraceId => Body.TryGetProperty("traceId", out var t) ? t.GetString() : null;

    /// <summary>The fields named under <c>errors</c>.</summary>
    public IReadOnlyList<string> Fields => Body.TryGetProperty("errors", out var errors)
        ? [.. errors.EnumerateObject().Select(e => e.Name)]
        : [];

    public static async Task<Problem> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(text);
        return new Problem(response.StatusCode, response.Content.Headers.ContentType?.MediaType, document.RootElement.Clone());
    }

    public static async Task<Problem> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    /// <summary>Asserts the shape every error of the API shares.</summary>
    public Problem AssertIs(HttpStatusCode status, string type)
    {
        Assert.Equal(status, Status);
        Assert.Equal("application/problem+json", ContentType);
        Assert.Equal(type, Type);
        Assert.False(string.IsNullOrEmpty(TraceId), "every problem carries a traceId");
        return this;
    }
}
