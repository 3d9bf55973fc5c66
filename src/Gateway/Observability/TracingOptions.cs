using System.ComponentModel.DataAnnotations;

namespace Gateway.Observability;

/// <summary>
/// Traces (OpenTelemetry, exported over OTLP). Tracing is on exactly when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// (or <c>OTEL_EXPORTER_OTLP_TRACES_ENDPOINT</c>) is set and <c>OTEL_SDK_DISABLED</c> is not <c>true</c>; the exporter
/// reads the other standard variables itself (<c>OTEL_EXPORTER_OTLP_PROTOCOL</c>: <c>grpc</c>, or <c>http/protobuf</c>;
/// <c>OTEL_EXPORTER_OTLP_HEADERS</c>; <c>OTEL_BSP_SCHEDULE_DELAY</c>...).
/// </summary>
public sealed class TracingOptions
{
    public const string SectionName = "Telemetry:Tracing";

    /// <summary>
    /// The share of new traces recorded, parent-based: a request whose caller sent a <c>traceparent</c> follows the caller's
    /// decision, a span linked to a recorded trace (an order's status change) is recorded, any other root is kept with
    /// this probability. Ignored when <c>OTEL_TRACES_SAMPLER</c> names a sampler. Default: 1 (every trace).
    /// </summary>
    [Range(0.0, 1.0)]
    public double SamplingRatio { get; set; } = 1.0;
}
