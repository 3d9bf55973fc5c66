using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Observability;

/// <summary>
/// A real OTLP/HTTP receiver on a loopback port: <c>POST /v1/traces</c> with an <c>application/x-protobuf</c>
/// <c>ExportTraceServiceRequest</c>, answered 200 as a collector does; every span received is decoded
/// (<see cref="OtlpSpans"/>) and kept, with the content type of each export request.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    readonly WebApplication _app;
    readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    readonly ConcurrentQueue<string> _contentTypes = new();

    OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The base address a gateway's <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> names (the exporter appends <c>/v1/traces</c>).</summary>
    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<ReceivedSpan> Spans => [.. _spans];

    /// <summary>The content type of every export request received.</summary>
    public IReadOnlyList<string> ContentTypes => [.. _contentTypes];

    /// <summary>The settings that make a gateway export here over <c>http/protobuf</c>, in batches sent every 100 ms.</summary>
    public IReadOnlyDictionary<string, string?> GatewaySettings => new Dictionary<string, string?>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint.ToString(),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
    };

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", receiver.ReceiveAsync);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        receiver.Endpoint = new Uri(addresses.Addresses.First().TrimEnd('/'));
        return receiver;
    }

    public IEnumerable<ReceivedSpan> InTrace(string traceId) => Spans.Where(s => s.TraceId == traceId);

    async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        _contentTypes.Enqueue(request.ContentType ?? "");
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        foreach (var span in OtlpSpans.Decode(body.ToArray()))
        {
            _spans.Enqueue(span);
        }

        // An empty ExportTraceServiceResponse: all accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
