using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Edge.Proxy;

/// <summary>A tiny upstream on a real loopback port that answers 200 and remembers what each request looked like.</summary>
internal sealed class UpstreamRecorder : IAsyncDisposable
{
    readonly WebApplication _app;

    UpstreamRecorder(WebApplication app)
    {
        _app = app;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public Uri Address { get; }

    public ConcurrentQueue<Recorded> Requests { get; } = new();

    public static async Task<UpstreamRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        UpstreamRecorder? recorder = null;
        app.Run(async context =>
        {
            // A gateway process of another test polls /health/live on the port it chose before binding it; should the
            // operating system hand that port to this recorder meanwhile, the probe is no request of the test's.
            if (context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            recorder!.Requests.Enqueue(new Recorded(
                context.Request.Method,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            context.Response.ContentType = "application/json";
            context.Response.Headers.SetCookie = "erp-session=internal";
            await context.Response.WriteAsync("{\"data\":[]}");
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        recorder = new UpstreamRecorder(app);
        return recorder;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

internal sealed record Recorded(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers);
