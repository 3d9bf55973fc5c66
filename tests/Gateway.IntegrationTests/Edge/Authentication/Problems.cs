using System.Net;
using System.Text.Json;

namespace Gateway.IntegrationTests.Edge.Authentication;

/// <summary>Assertions on RFC 9457 answers.</summary>
internal static class Problems
{
    /// <summary>Asserts the status and problem+json media type; returns the parsed body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        return body;
    }

    /// <summary>The body without its per-request <c>traceId</c>, to compare two answers' shape and wording.</summary>
    public static string WithoutTraceId(JsonElement body) =>
        JsonSerializer.Serialize(body.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value));
}
