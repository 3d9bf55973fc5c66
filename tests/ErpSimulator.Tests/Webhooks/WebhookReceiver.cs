using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErpSimulator.Tests.Webhooks;

/// <summary>A tiny real HTTP receiver on a free port that keeps every raw body, timestamp and signature it is sent.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _refusalsLeft;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>How many deliveries were answered 503 on purpose.</summary>
    public int Refused { get; private set; }

    public Uri Url { get; private set; } = null!;

    /// <summary>Starts the receiver; its first <paramref name="refuseFirst"/> deliveries are answered 503.</summary>
    public static async Task<WebhookReceiver> StartAsync(int refuseFirst = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app) { _refusalsLeft = refuseFirst };
        app.MapPost("/hooks/erp", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            if (Interlocked.Decrement(ref receiver._refusalsLeft) >= 0)
            {
                receiver.Refused++;
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            receiver.Received.Enqueue(new(buffer.ToArray(), request.Headers["X-Erp-Timestamp"].ToString(), request.Headers["X-Erp-Signature"].ToString()));
            return Results.NoContent();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.Url = new Uri(address.TrimEnd('/') + "/hooks/erp");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One delivery as received: the raw body and the <c>X-Erp-Timestamp</c> and <c>X-Erp-Signature</c> headers.</summary>
public sealed record ReceivedWebhook(byte[] Body, string Timestamp, string Signature);
