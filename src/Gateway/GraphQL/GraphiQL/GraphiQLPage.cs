using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.GraphQL.GraphiQL;

/// <summary>
/// GraphiQL at <c>/graphql/playground</c>, its files vendored from npm (<c>vendor/</c>, refreshed by <c>refresh.sh</c>) and
/// embedded in the gateway's assembly, so it works offline and loads nothing from a CDN; the page's Content-Security-Policy
/// lets the browser load nothing but this gateway's own files. It holds no credential: its queries need the same
/// <c>X-Api-Key</c> or Bearer token as any other client, entered in its Headers tab.
/// </summary>
internal static class GraphiQLPage
{
    const string JavaScript = "text/javascript; charset=utf-8";

    // Fonts and icons are data: URLs inside graphiql.min.css; React sets style attributes and the page one <style> block.
    const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["graphiql.html"] = "text/html; charset=utf-8",
        ["graphiql-start.js"] = JavaScript,
        ["graphiql.min.js"] = JavaScript,
        ["graphiql.min.css"] = "text/css; charset=utf-8",
        ["react.production.min.js"] = JavaScript,
        ["react-dom.production.min.js"] = JavaScript,
        ["LICENSE.graphiql"] = "text/plain; charset=utf-8",
        ["LICENSE.react"] = "text/plain; charset=utf-8",
        ["LICENSE.react-dom"] = "text/plain; charset=utf-8",
    };

    public static FileStreamHttpResult Page(HttpContext context)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return File("graphiql.html");
    }

    public static Results<FileStreamHttpResult, NotFound> Asset(string file, HttpContext context)
    {
        if (!ContentTypes.ContainsKey(file) || file == "graphiql.html")
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        // The files change only with the gateway's version; an hour keeps a reload cheap and an upgrade quick to show.
        context.Response.Headers.CacheControl = "public, max-age=3600";
        return File(file);
    }

    static FileStreamHttpResult File(string file)
    {
        var resource = $"Gateway.GraphQL.GraphiQL.{file}";
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The GraphiQL file {resource} is not embedded.");
        return TypedResults.Stream(stream, ContentTypes[file]);
    }
}
