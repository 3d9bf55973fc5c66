using System.Globalization;
using System.Net;
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
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.IntegrationTests.Edge.RateLimiting;

/// <summary>
/// A gateway host on a real loopback port, composed as Program.cs composes the edge (defaults, limits, proxy),
/// with one stand-in: authentication is a tiny middleware that sets the <see cref="Caller"/> feature from
/// <see cref="CallerHeader"/>, so these tests do not depend on the API-key and JWT handlers.
/// <c>GET /v1/whoami</c> answers which host served and what it saw.
/// </summary>
internal sealed class EdgeTestHost : IAsyncDisposable
{
    /// <summary><c>id|requestsPerSecond|burst|dailyQuota|scope scope</c>.</summary>
    public const string CallerHeader = "X-Test-Caller";

    readonly WebApplication _app;

    EdgeTestHost(WebApplication app, string name)
    {
        _app = app;
        Name = name;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Client = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 64 }) { BaseAddress = Address };
    }

    public string Name { get; }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<EdgeTestHost> StartAsync(
        string name,
        IDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null,
        bool servesV1 = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Error);

        builder.AddGatewayDefaults();
        builder.AddEdgeLimits();
        builder.Services.AddErpConnectors(builder.Configuration);
        builder.AddEdgeProxy();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseGatewayDefaults();
        app.Use(SetCallerFromHeader);   // stands in for authentication: it runs before the limits
        app.UseEdgeLimits();
        app.MapGatewayHealth();
        app.MapEdgeProxy();
        if (servesV1)
        {
            app.MapGet("/v1/whoami", (HttpContext context) => new WhoAmI(
                name,
                context.Features.Get<Caller>()?.Id,
                context.Features.Get<CorrelationFeature>()?.CorrelationId,
                context.Request.Headers.Authorization.ToString()));
        }

        await app.StartAsync(TestContext.Current.CancellationToken);
        return new EdgeTestHost(app, name);
    }

    /// <summary>Changes configuration and raises its reload, as an edited appsettings file would.</summary>
    public void Reconfigure(IDictionary<string, string?> settings)
    {
        var root = (IConfigurationRoot)_app.Configuration;
        var memory = root.Providers.OfType<MemoryConfigurationProvider>().Last();
        foreach (var (key, value) in settings)
        {
            memory.Set(key, value);
        }

        root.Reload();
    }

    public static string CallerValue(string id, int requestsPerSecond, int burst, long dailyQuota, params string[] scopes) =>
        string.Create(CultureInfo.InvariantCulture, $"{id}|{requestsPerSecond}|{burst}|{dailyQuota}|{string.Join(' ', scopes)}");

    public HttpRequestMessage Get(string path, string? caller)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Address, path));
        if (caller is not null)
        {
            request.Headers.Add(CallerHeader, caller);
        }

        return request;
    }

    static Task SetCallerFromHeader(HttpContext context, Func<Task> next)
    {
        var parts = context.Request.Headers[CallerHeader].ToString().Split('|');
        if (parts.Length == 5)
        {
            var plan = new PartnerPlan(
                int.Parse(parts[1], CultureInfo.InvariantCulture),
                int.Parse(parts[2], CultureInfo.InvariantCulture),
                long.Parse(parts[3], CultureInfo.InvariantCulture));
            var scopes = parts[4].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            context.Features.Set(new Caller(parts[0], CallerKind.Partner, scopes, null, plan));
        }

        return next();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}

internal sealed record WhoAmI(string Host, string? Caller, string? CorrelationId, string Authorization);
