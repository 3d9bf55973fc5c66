using System.Net;
using Gateway.Admin;
using Gateway.Edge;
using Gateway.Edge.Proxy;
using Gateway.Erp;
using Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Edge.Authentication;

/// <summary>
/// A gateway host on a real loopback port with the whole edge exactly as Program.cs composes it (AddEdge, UseEdge, the
/// admin API and the YARP routes), configured with <see cref="Fixtures.TestTokens.Settings"/>, plus probe endpoints that need no ERP:
/// <c>GET /v1/whoami</c> (any caller) and <c>GET /v1/probe/{scope}</c> (that scope's policy, ':' written '-').
/// </summary>
internal sealed class EdgeHost : IAsyncDisposable
{
    readonly WebApplication _app;

    EdgeHost(WebApplication app, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = Address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Everything the host logged, at every level.</summary>
    public CapturedLogs Logs { get; }

    public static string ProbePath(string scope) => "/v1/probe/" + scope.Replace(':', '-');

    public static async Task<EdgeHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(Fixtures.TestTokens.Settings);
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var logs = new CapturedLogs();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Logging.AddProvider(logs);

        builder.AddGatewayDefaults();
        builder.Services.AddErpConnectors(builder.Configuration);
        builder.AddEdge();
        builder.AddAdminApi();
        builder.AddEdgeProxy();

        var app = builder.Build();
        app.UseGatewayDefaults();
        app.UseEdge();
        app.MapGatewayHealth();
        app.MapAdminApi();
        app.MapEdgeProxy();
        app.MapGet("/v1/whoami", (HttpContext context) => Describe(context.Features.Get<Caller>())).RequireAuthorization();
        foreach (var scope in Scopes.All)
        {
            app.MapGet(ProbePath(scope), (HttpContext context) => Describe(context.Features.Get<Caller>())).RequireAuthorization(scope);
        }

        await app.StartAsync(TestContext.Current.CancellationToken);
        return new EdgeHost(app, logs);
    }

    static CallerSeen Describe(Caller? caller) => caller is null
        ? new CallerSeen(null, null, [], null)
        : new CallerSeen(caller.Id, caller.Kind.ToString(), [.. caller.Scopes.Order(StringComparer.Ordinal)],
            caller.CustomerIds?.Order(StringComparer.Ordinal).ToArray());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

/// <summary>What <c>/v1/whoami</c> answers: the <see cref="Caller"/> the edge set; null customers mean every customer.</summary>
internal sealed record CallerSeen(string? Id, string? Kind, string[] Scopes, string[]? CustomerIds);
