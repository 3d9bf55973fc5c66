using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Edge.Proxy.ErpPassThrough;

/// <summary>
/// Shapes the request the cloud ERP receives: the caller's credentials and any forwarding or internal headers are
/// removed (the ERP trusts the gateway, not the partner), the gateway's own credential is added, the correlation
/// id is carried, and <c>/erp/cloud/{rest}</c> becomes <c>/cloud/api/{rest}</c>.
/// </summary>
internal sealed class ErpRequestTransformer(CloudErpUpstreamOptions upstream) : HttpTransformer
{
    /// <summary>Where the pass-through's remainder path is kept for the transform (a typed feature, not Items).</summary>
    public sealed record Target(PathString Path);

    static readonly string[] Credentials = ["Authorization", "Proxy-Authorization", "X-Api-Key", "Cookie"];

    // Forwarding headers from outside are not trusted: a partner must not pose as another client or hop.
    static readonly string[] ForwardingPrefixes = ["X-Forwarded-", "X-Original-", "X-Gateway-"];
    static readonly string[] Forwarding = ["Forwarded", "X-Real-IP", "Via"];

    public override async ValueTask TransformRequestAsync(
        HttpContext httpContext, HttpRequestMessage proxyRequest, string destinationPrefix, CancellationToken cancellationToken)
    {
        await base.TransformRequestAsync(httpContext, proxyRequest, destinationPrefix, cancellationToken);

        foreach (var name in proxyRequest.Headers.Select(h => h.Key).ToList())
        {
            if (Credentials.Contains(name, StringComparer.OrdinalIgnoreCase)
                || Forwarding.Contains(name, StringComparer.OrdinalIgnoreCase)
                || ForwardingPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                proxyRequest.Headers.Remove(name);
            }
        }

        if (!string.IsNullOrEmpty(upstream.ApiKey))
        {
            proxyRequest.Headers.TryAddWithoutValidation(upstream.ApiKeyHeader, upstream.ApiKey);
        }

        CorrelationForwarding.Set(httpContext, proxyRequest);

        var target = httpContext.Features.Get<Target>()?.Path ?? PathString.Empty;
        proxyRequest.RequestUri = RequestUtilities.MakeDestinationAddress(
            destinationPrefix, new PathString("/cloud/api").Add(target), httpContext.Request.QueryString);
        proxyRequest.Headers.Host = null;
    }

    public override async ValueTask<bool> TransformResponseAsync(
        HttpContext httpContext, HttpResponseMessage? proxyResponse, CancellationToken cancellationToken)
    {
        var copyBody = await base.TransformResponseAsync(httpContext, proxyResponse, cancellationToken);
        // The ERP's cookies are its business with the gateway, never the partner's.
        httpContext.Response.Headers.Remove("Set-Cookie");
        return copyBody;
    }
}
