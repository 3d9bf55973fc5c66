using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.IntegrationTests.GraphQL;

/// <summary>Sends GraphQL over HTTP as a client would, and reads the answer as JSON.</summary>
internal static class GraphQLClient
{
    /// <param name="token">A bearer token (storefront JWT or the admin token); null sends no credential.</param>
    public static async Task<GraphQLAnswer> PostAsync(this HttpClient client, string? token, object body, string accept = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(body) };
        request.Headers.Accept.ParseAdd(accept);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new GraphQLAnswer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers, text);
    }

    public static Task<GraphQLAnswer> QueryAsync(this HttpClient client, string? token, string query, object? variables = null) =>
        client.PostAsync(token, new { query, variables });
}

internal sealed record GraphQLAnswer(System.Net.HttpStatusCode Status, string? MediaType, System.Net.Http.Headers.HttpResponseHeaders Headers, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new JsonException("Empty answer.");

    public JsonNode? Data => Json["data"];

    public IReadOnlyList<JsonNode> Errors => Json["errors"]?.AsArray().Select(e => e!).ToArray() ?? [];

    public IEnumerable<string?> Codes => Errors.Select(e => e["extensions"]?["code"]?.GetValue<string>());
}
