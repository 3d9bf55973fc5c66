using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Gateway.Edge;

/// <summary>
/// How large a request may be (<c>Edge:Requests:*</c>), enforced by Kestrel before any feature reads it: an oversized
/// body answers 413, oversized headers 431, never a 500 or an unbounded read.
/// </summary>
public sealed class RequestLimitsOptions
{
    public const string SectionName = "Edge:Requests";

    /// <summary>Largest request body. Default: 1 MiB (an order of a few thousand lines).</summary>
    [Range(1_024, 100 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest total size of the request headers. Default: 32 KiB.</summary>
    [Range(4_096, 1024 * 1024)]
    public int MaxHeadersTotalBytes { get; set; } = 32 * 1024;

    /// <summary>Most request headers. Default: 100.</summary>
    [Range(10, 1_000)]
    public int MaxHeaderCount { get; set; } = 100;

    /// <summary>Longest request line (method, path and query). Default: 8 KiB.</summary>
    [Range(1_024, 64 * 1024)]
    public int MaxRequestLineBytes { get; set; } = 8 * 1024;
}

internal static class RequestLimits
{
    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
        {
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.Value.MaxHeadersTotalBytes;
            kestrel.Limits.MaxRequestHeaderCount = limits.Value.MaxHeaderCount;
            kestrel.Limits.MaxRequestLineSize = limits.Value.MaxRequestLineBytes;
        });
        return builder;
    }
}
