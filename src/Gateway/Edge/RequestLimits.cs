using System.ComponentModel.DataAnnotations;
using Gateway.CanonicalApi.Problems;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Gateway.Edge;

/// <summary>
/// How large a request may be (<c>Edge:Requests:*</c>): an oversized body answers 413 (Kestrel, before any feature
/// reads it), oversized headers 431 problem+json (the edge's first middleware), never a 500 or an unbounded read.
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
    /// <summary>
    /// Kestrel's own ceiling on headers, a multiple of the configured limit: up to it the edge answers with a
    /// problem+json naming the limit; beyond it Kestrel refuses with a bare 431 before any middleware runs.
    /// </summary>
    const int KestrelHeadroom = 4;

    public static IHostApplicationBuilder AddRequestLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RequestLimitsOptions>().BindConfiguration(RequestLimitsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimitsOptions>>((kestrel, limits) =>
        {
            kestrel.Limits.MaxRequestBodySize = limits.Value.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.Value.MaxHeadersTotalBytes * KestrelHeadroom;
            kestrel.Limits.MaxRequestHeaderCount = limits.Value.MaxHeaderCount * KestrelHeadroom;
            kestrel.Limits.MaxRequestLineSize = limits.Value.MaxRequestLineBytes;
        });
        return builder;
    }

    /// <summary>Answers 431 problem+json when the headers exceed <c>MaxHeadersTotalBytes</c> or <c>MaxHeaderCount</c>.</summary>
    public static WebApplication UseRequestLimits(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<IOptions<RequestLimitsOptions>>().Value;
        app.Use((context, next) =>
        {
            var headers = context.Request.Headers;
            if (headers.Count <= limits.MaxHeaderCount && TotalBytes(headers) <= limits.MaxHeadersTotalBytes)
            {
                return next(context);
            }

            return TypedResults.Problem(
                    type: ProblemTypes.HeadersTooLarge,
                    title: "Request headers too large",
                    statusCode: StatusCodes.Status431RequestHeaderFieldsTooLarge,
                    detail: $"The request headers may total {limits.MaxHeadersTotalBytes} bytes in at most {limits.MaxHeaderCount} fields.")
                .ExecuteAsync(context);
        });
        return app;
    }

    /// <summary>Names and values as Kestrel counts them (characters; header values are ASCII on the wire).</summary>
    static long TotalBytes(IHeaderDictionary headers)
    {
        long total = 0;
        foreach (var (name, values) in headers)
        {
            total += name.Length;
            foreach (var value in values)
            {
                total += value?.Length ?? 0;
            }
        }

        return total;
    }
}
