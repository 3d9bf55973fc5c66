using System.Globalization;
using System.Threading.RateLimiting;
using Gateway.CanonicalApi.Problems;
using Gateway.Core.Erp;
using Gateway.Edge.RateLimiting;
using Gateway.Erp.Outbound.Budget;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Gateway.Edge.Proxy.ErpPassThrough;

/// <summary>
/// <c>GET /erp/cloud/{**rest}</c> → the cloud ERP's <c>/cloud/api/{rest}</c>, governed like a canonical route:
/// an authenticated <see cref="Caller"/> with the resource's scope (the limits already ran in the pipeline),
/// only allow-listed resources, every call drawn from the same ERP budget as the connectors' (so that together they
/// stay within the ERP's quota), every call written to the audit log.
/// </summary>
internal sealed class ErpPassThroughEndpoint(
    IHttpForwarder forwarder,
    IForwarderHttpClientFactory clients,
    ErpQuota quota,
    CloudErpUpstreamOptions upstream,
    ErpPassThroughOptions options,
    ILogger<ErpPassThroughEndpoint> logger) : IDisposable
{
    public const string Prefix = "/erp/cloud";

    readonly HttpMessageInvoker _client = clients.CreateClient(new ForwarderHttpClientContext { NewConfig = HttpClientConfig.Empty });
    readonly ErpRequestTransformer _transformer = new(upstream);
    readonly ForwarderRequestConfig _requestConfig = new() { ActivityTimeout = options.Timeout };

    public async Task HandleAsync(HttpContext context)
    {
        context.Request.Path.StartsWithSegments(Prefix, out var rest);
        var caller = context.Features.Get<Caller>();
        var status = await ForwardAsync(context, caller, rest);
        Log.PassThrough(logger, caller?.Id ?? "anonymous", context.Request.Method, rest.Value ?? "/", status);
    }

    async Task<int> ForwardAsync(HttpContext context, Caller? caller, PathString rest)
    {
        if (caller is null)
        {
            return await Refuse(context, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated, "Unauthenticated",
                "Send X-Api-Key or Authorization: Bearer.");
        }

        if (!IsPlainPath(rest.Value))
        {
            return await Refuse(context, StatusCodes.Status400BadRequest, ProblemTypes.InvalidPath, "Invalid path",
                "path: dot segments, encoded slashes and backslashes are not allowed.");
        }

        if (RequiredScope(rest.Value!) is not { } scope)
        {
            return await Refuse(context, StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found",
                "The ERP resource is not exposed through the pass-through.");
        }

        if (!caller.HasScope(scope))
        {
            return await Refuse(context, StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Forbidden",
                $"The scope '{scope}' is required.");
        }

        using var permit = await quota.AcquireAsync(ErpSystem.Cloud, context.RequestAborted);
        if (!permit.IsAcquired)
        {
            var retryAfter = permit.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? RateLimitHeaders.WholeSeconds(wait) : 1;
            context.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            return await Refuse(context, StatusCodes.Status503ServiceUnavailable, ProblemTypes.ErpQuota, "ERP quota in use",
                $"The cloud ERP's quota is fully in use; retry after {retryAfter} s.");
        }

        context.Features.Set(new ErpRequestTransformer.Target(rest));
        var error = await forwarder.SendAsync(context, upstream.BaseUrl, _client, _requestConfig, _transformer);
        await ProxyProblems.WriteAsync(context, error);
        if (context.Response.StatusCode == StatusCodes.Status429TooManyRequests
            && int.TryParse(context.Response.Headers.RetryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            // The partner sees the ERP's 429 as is; the shared budget learns to hold everyone back meanwhile.
            quota.Refused(ErpSystem.Cloud, TimeSpan.FromSeconds(seconds));
        }

        return context.Response.StatusCode;
    }

    string? RequiredScope(string rest)
    {
        var resource = rest.TrimStart('/');
        foreach (var (prefix, scope) in options.Resources)
        {
            var allowed = prefix.Trim('/');
            if (resource.Equals(allowed, StringComparison.OrdinalIgnoreCase)
                || resource.StartsWith(allowed + "/", StringComparison.OrdinalIgnoreCase))
            {
                return scope;
            }
        }

        return null;
    }

    // The path is decoded except for %2F; anything that could climb out of /cloud/api on the ERP side is refused.
    static bool IsPlainPath(string? rest) =>
        !string.IsNullOrEmpty(rest) && rest != "/"
        && !rest.Contains('\\', StringComparison.Ordinal)
        && !rest.Contains("%2f", StringComparison.OrdinalIgnoreCase)
        && !rest.Contains("%5c", StringComparison.OrdinalIgnoreCase)
        && !rest.Split('/').Any(segment => segment is "." or "..");

    static async Task<int> Refuse(HttpContext context, int status, string type, string title, string detail)
    {
        await TypedResults.Problem(type: type, title: title, statusCode: status, detail: detail).ExecuteAsync(context);
        return status;
    }

    /// <summary>Every method but GET and HEAD: the pass-through is read-only.</summary>
    public static Task MethodNotAllowedAsync(HttpContext context)
    {
        context.Response.Headers.Allow = "GET, HEAD";
        return TypedResults.Problem(
                type: ProblemTypes.MethodNotAllowed,
                title: "Method not allowed",
                statusCode: StatusCodes.Status405MethodNotAllowed,
                detail: "The ERP pass-through is read-only: GET and HEAD only.")
            .ExecuteAsync(context);
    }

    public void Dispose() => _client.Dispose();
}
