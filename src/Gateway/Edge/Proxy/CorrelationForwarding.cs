using Gateway.Hosting;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Edge.Proxy;

/// <summary>
/// The proxied request carries this request's <c>X-Correlation-Id</c>, also when the gateway made one up, so the
/// destination logs under the same id. <c>traceparent</c> is YARP's: its HTTP client propagates the Activity.
/// </summary>
internal static class CorrelationForwarding
{
    public static void Apply(RequestTransformContext transform) => Set(transform.HttpContext, transform.ProxyRequest);

    public static void Set(HttpContext context, HttpRequestMessage proxyRequest)
    {
        if (context.Features.Get<CorrelationFeature>() is { } correlation)
        {
            proxyRequest.Headers.Remove(CorrelationIdMiddleware.HeaderName);
            proxyRequest.Headers.TryAddWithoutValidation(CorrelationIdMiddleware.HeaderName, correlation.CorrelationId);
        }
    }
}
