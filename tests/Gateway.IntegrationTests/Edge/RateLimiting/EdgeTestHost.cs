using System.Globalization;
using Gateway.Edge;
using Gateway.Edge.Authentication;
using Gateway.Hosting;
using Gateway.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.IntegrationTests.Edge.RateLimiting;

/// <summary>
/// A <see cref="GatewayHost"/> (the real Program.cs, no simulator) with one stand-in: the edge's authentication scheme
/// admits the <see cref="Caller"/> written in <see cref="CallerHeader"/> (any plan, any scopes), so these tests do not
/// depend on partner keys and JWTs; a request without that header is authenticated by the real handler. The limits, the
/// scope policies and the proxy are Program's. <c>GET /v1/whoami</c> answers which host served and what it saw.
/// </summary>
internal sealed class EdgeTestHost : IAsyncDisposable
{
    /// <summary><c>id|requestsPerSecond|burst|dailyQuota|scope scope</c>.</summary>
    public const string CallerHeader = "X-Test-Caller";

    readonly GatewayHost _host;

    EdgeTestHost(GatewayHost host, string name)
    {
        _host = host;
        Name = name;
        Client = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 64 }) { BaseAddress = host.Address };
    }

    public string Name { get; }

    public Uri Address => _host.Address;

    public HttpClient Client { get; }

    public IServiceProvider Services => _host.Services;

    public static async Task<EdgeTestHost> StartAsync(
        string name,
        IDictionary<string, string?> settings,
        Action<IServiceCollection>? services = null,
        bool servesV1 = true)
    {
        var all = new Dictionary<string, string?>(settings)
        {
            ["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Error",
        };
        var host = await GatewayHost.StartAsync(new GatewayHostOptions
        {
            Settings = all,
            Services = s =>
            {
                s.PostConfigure<AuthenticationOptions>(o => o.SchemeMap[EdgeAuthenticationHandler.SchemeName].HandlerType = typeof(HeaderCallerHandler));
                services?.Invoke(s);
            },
            Endpoints = servesV1
                ? endpoints => endpoints.MapGet("/v1/whoami", (HttpContext context) => new WhoAmI(
                    name,
                    context.Features.Get<Caller>()?.Id,
                    context.Features.Get<CorrelationFeature>()?.CorrelationId,
                    context.Request.Headers.Authorization.ToString()))
                : null,
        });
        return new EdgeTestHost(host, name);
    }

    /// <summary>Changes configuration and raises its reload, as an edited appsettings file would.</summary>
    public void Reconfigure(IDictionary<string, string?> settings) => _host.Reconfigure(settings.AsReadOnly());

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

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
    }

    /// <summary>
    /// The edge scheme with <see cref="CallerHeader"/> in front: a request carrying it is admitted as that caller, exactly
    /// as the real handler admits one (the <see cref="Caller"/> feature and its principal); anything else, and every
    /// challenge and refusal, is the real <see cref="EdgeAuthenticationHandler"/>'s.
    /// </summary>
    sealed class HeaderCallerHandler(IServiceProvider services) : IAuthenticationHandler
    {
        readonly EdgeAuthenticationHandler _edge = ActivatorUtilities.CreateInstance<EdgeAuthenticationHandler>(services);
        HttpContext? _context;
        AuthenticationScheme? _scheme;

        public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
        {
            (_scheme, _context) = (scheme, context);
            return _edge.InitializeAsync(scheme, context);
        }

        public Task<AuthenticateResult> AuthenticateAsync()
        {
            var parts = _context!.Request.Headers[CallerHeader].ToString().Split('|');
            if (parts.Length != 5)
            {
                return _edge.AuthenticateAsync();
            }

            var plan = new PartnerPlan(
                int.Parse(parts[1], CultureInfo.InvariantCulture),
                int.Parse(parts[2], CultureInfo.InvariantCulture),
                long.Parse(parts[3], CultureInfo.InvariantCulture));
            var scopes = parts[4].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var caller = new Caller(parts[0], CallerKind.Partner, scopes, null, plan);
            _context.Features.Set(caller);
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(EdgeAuthenticationHandler.Principal(caller), _scheme!.Name)));
        }

        public Task ChallengeAsync(AuthenticationProperties? properties) => _edge.ChallengeAsync(properties);

        public Task ForbidAsync(AuthenticationProperties? properties) => _edge.ForbidAsync(properties);
    }
}

internal sealed record WhoAmI(string Host, string? Caller, string? CorrelationId, string Authorization);
