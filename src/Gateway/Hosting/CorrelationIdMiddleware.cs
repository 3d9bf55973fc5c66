using System.Diagnostics;

namespace Gateway.Hosting;

/// <summary>Echoes the caller's <c>X-Correlation-Id</c>, or gives the request one (its trace id), on every answer.</summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Correlation-Id";

    // Longer or stranger ids are replaced, not echoed: a header is no place for a caller's payload.
    const int MaxLength = 128;

    public Task InvokeAsync(HttpContext context)
    {
        var id = context.Request.Headers[HeaderName].ToString();
        if (!IsAcceptable(id))
        {
            id = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        }

        context.Features.Set(new CorrelationFeature(id));
        context.Response.OnStarting(static state =>
        {
            var (ctx, value) = ((HttpContext, string))state;
            ctx.Response.Headers[HeaderName] = value;
            return Task.CompletedTask;
        }, (context, id));
        return next(context);
    }

    static bool IsAcceptable(string id) =>
        id.Length is > 0 and <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}

/// <summary>The request's correlation id, for logs and for calls the gateway makes on its behalf.</summary>
public sealed record CorrelationFeature(string CorrelationId);
