using Gateway.Core.Redis;
using Gateway.Erp;
using OpenTelemetry.Trace;

namespace Gateway.Observability;

/// <summary>
/// End-to-end traces: the inbound request (an incoming <c>traceparent</c> honoured), the edge's decisions, cache lookups,
/// each ERP call with its budget wait and retries, its HTTP requests, Redis commands, GraphQL execution and an order's
/// hand-off, exported over OTLP. Off unless an OTLP endpoint is configured (<see cref="TracingOptions"/>): then nothing
/// listens to any ActivitySource, so no span is ever made and a request pays nothing for tracing.
/// </summary>
public static class TracingSetup
{
    const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    const string TracesEndpointKey = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
    const string DisabledKey = "OTEL_SDK_DISABLED";
    const string SamplerKey = "OTEL_TRACES_SAMPLER";

    /// <summary>Scrapes and probes arrive every few seconds and say nothing about a request: never traced.</summary>
    static readonly PathString[] Untraced = ["/metrics", "/health"];

    /// <summary>True when the configuration asks for traces to be exported.</summary>
    public static bool IsEnabled(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return (!string.IsNullOrWhiteSpace(configuration[EndpointKey]) || !string.IsNullOrWhiteSpace(configuration[TracesEndpointKey]))
            && !string.Equals(configuration[DisabledKey], "true", StringComparison.OrdinalIgnoreCase);
    }

    public static IHostApplicationBuilder AddGatewayTracing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TracingOptions>().BindConfiguration(TracingOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        if (!IsEnabled(builder.Configuration))
        {
            return builder;
        }

        var ratio = builder.Configuration.GetSection(TracingOptions.SectionName).Get<TracingOptions>()?.SamplingRatio ?? 1.0;
        var samplerNamed = !string.IsNullOrWhiteSpace(builder.Configuration[SamplerKey]);
        builder.Services.AddOpenTelemetry().WithTracing(tracing =>
        {
            tracing
                .AddSource(GatewayTracing.Name, ErpTelemetry.Name)
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = context => !IsUntraced(context.Request.Path))
                .AddHttpClientInstrumentation(http => http.FilterHttpRequestMessage =
                    request => !(request.Options.TryGetValue(GatewayTracing.Untraced, out var untraced) && untraced))
                // A command outside any span is a background loop's poll (hand-off, change stream, heartbeats): a root trace
                // every few milliseconds that says nothing. Commands made under a span (a request, a hand-off) are kept.
                .AddRedisInstrumentation(redis => redis.Filter = command => command.ParentActivity is not null)
                // The process's multiplexers are made on first use, after the tracer: each is instrumented as it is made.
                .ConfigureRedisInstrumentation((services, redis) =>
                    services.GetService<RedisConnection>()?.OnConnected(multiplexer => redis.AddConnection(multiplexer)))
                .AddOtlpExporter();
            if (!samplerNamed)
            {
                // Without OTEL_TRACES_SAMPLER the SDK would keep every trace; with it, the SDK reads it (and _ARG) itself.
                tracing.SetSampler(new LinkFollowingSampler(ratio));
            }
        });
        return builder;
    }

    static bool IsUntraced(PathString path)
    {
        foreach (var prefix in Untraced)
        {
            if (path.StartsWithSegments(prefix))
            {
                return true;
            }
        }

        return false;
    }
}
