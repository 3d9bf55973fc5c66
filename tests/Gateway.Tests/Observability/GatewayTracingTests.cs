using System.Diagnostics;
using Gateway.Observability;
using Microsoft.Extensions.Configuration;

namespace Gateway.Tests.Observability;

public sealed class GatewayTracingTests
{
    [Fact]
    public void TraceIdOf_W3CTraceParent_ReturnsItsTraceId()
    {
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", GatewayTracing.TraceIdOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-traceparent")]
    [InlineData("00-00000000000000000000000000000000-00f067aa0ba902b7-01")]
    public void TraceIdOf_MissingOrMalformed_ReturnsNull(string? traceParent)
    {
        Assert.Null(GatewayTracing.TraceIdOf(traceParent));
    }

    [Fact]
    public void ContextOf_StoredTraceParent_IsRemoteAndKeepsItsSamplingFlag()
    {
        var context = GatewayTracing.ContextOf("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00");

        Assert.True(context.IsRemote);
        Assert.Equal("00f067aa0ba902b7", context.SpanId.ToHexString());
        Assert.Equal(ActivityTraceFlags.None, context.TraceFlags);
    }

    [Fact]
    public void StartLinked_NobodyListens_ReturnsNull()
    {
        // No ActivityListener in this test process listens to the gateway's source: tracing off makes no span at all.
        Assert.False(GatewayTracing.Source.HasListeners());
        Assert.Null(GatewayTracing.StartLinked("order status", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        Assert.Null(GatewayTracing.Source.StartActivity("cache product"));
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("http://127.0.0.1:4318", null, true)]
    [InlineData("http://127.0.0.1:4318", "true", false)]
    [InlineData("http://127.0.0.1:4318", "false", true)]
    public void IsEnabled_OtlpEndpointAndSdkSwitch_DecideTogether(string? endpoint, string? disabled, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint,
            ["OTEL_SDK_DISABLED"] = disabled,
        }).Build();

        Assert.Equal(expected, TracingSetup.IsEnabled(configuration));
    }

    [Fact]
    public void IsEnabled_TracesEndpointOnly_IsOn()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = "http://127.0.0.1:4318/v1/traces",
        }).Build();

        Assert.True(TracingSetup.IsEnabled(configuration));
    }
}
