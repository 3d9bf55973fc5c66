using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.GraphQL.Playground;

/// <summary>
/// A small hand-written playground (query, variables, headers, run, result), shipped inside the gateway's assembly so
/// that it works offline and loads nothing from a CDN. It is a static page: it holds no credential of its own, and the
/// queries it sends need the same X-Api-Key or Bearer token as any other client.
/// </summary>
internal static class PlaygroundPage
{
    static readonly Dictionary<string, (string Resource, string ContentType)> Files = new(StringComparer.Ordinal)
    {
        ["playground.html"] = ("Gateway.GraphQL.Playground.playground.html", "text/html; charset=utf-8"),
        ["playground.js"] = ("Gateway.GraphQL.Playground.playground.js", "text/javascript; charset=utf-8"),
        ["playground.css"] = ("Gateway.GraphQL.Playground.playground.css", "text/css; charset=utf-8"),
    };

    public static FileStreamHttpResult WriteAsync() => Asset("playground.html");

    public static Results<FileStreamHttpResult, NotFound> WriteAsset(string file) =>
        Files.ContainsKey(file) ? Asset(file) : TypedResults.NotFound();

    static FileStreamHttpResult Asset(string file)
    {
        var (resource, contentType) = Files[file];
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The playground file {resource} is not embedded.");
        return TypedResults.Stream(stream, contentType);
    }
}
