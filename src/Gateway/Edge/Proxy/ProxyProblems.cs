using Gateway.CanonicalApi.Problems;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Edge.Proxy;

/// <summary>
/// Proxied routes answer their errors like every other route: YARP sets 502/503/504 and leaves the body empty;
/// this writes an RFC 9457 problem naming what failed, never the upstream's exception text.
/// </summary>
internal static class ProxyProblems
{

    /// <summary>The proxy pipeline step: after forwarding, turns YARP's error feature into problem+json.</summary>
    public static async Task WriteForwarderErrorsAsync(HttpContext context, Func<Task> next)
    {
        await next();
        if (context.GetForwarderErrorFeature() is { } failure)
        {
            await WriteAsync(context, failure.Error);
        }
    }

    /// <summary>Writes the problem for <paramref name="error"/> unless the answer has already begun.</summary>
    public static Task WriteAsync(HttpContext context, ForwarderError error)
    {
        if (error == ForwarderError.None || context.Response.HasStarted)
        {
            return Task.CompletedTask;
        }

        var status = context.Response.StatusCode is >= 400 and <= 599 ? context.Response.StatusCode : StatusCodes.Status502BadGateway;
        var (title, detail) = error switch
        {
            ForwarderError.RequestTimedOut => ("Upstream timeout", "The upstream service did not answer in time."),
            ForwarderError.NoAvailableDestinations => ("No upstream available", "No healthy upstream instance can take the request."),
            ForwarderError.RequestCanceled or ForwarderError.RequestBodyClient => ("Request aborted", "The request was cancelled or its body could not be read."),
            _ => ("Bad gateway", "The upstream service could not be reached or answered badly."),
        };
        return TypedResults.Problem(
                type: ProblemTypes.UpstreamFailed,
                title: title,
                statusCode: status,
                detail: detail,
                extensions: new Dictionary<string, object?> { ["error"] = error.ToString() })
            .ExecuteAsync(context);
    }
}
