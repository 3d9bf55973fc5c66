using ErpSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ErpSimulator.Tests;

/// <summary>A real simulator on Kestrel, bound to a free port on 127.0.0.1, with no simulated latency.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private SimulatorHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    /// <summary>Like <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Starts a simulator; <paramref name="settings"/> are <c>key=value</c> pairs such as <c>Simulator:Seed=7</c>.</summary>
    public static async Task<SimulatorHost> StartAsync(params string[] settings)
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--Simulator:LatencyMs=0",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Extensions.Hosting=None", // start failures surface as exceptions; no duplicate stack traces
            .. settings.Select(s => "--" + s),
        ];
        var app = SimulatorApplication.Build(args);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new SimulatorHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
