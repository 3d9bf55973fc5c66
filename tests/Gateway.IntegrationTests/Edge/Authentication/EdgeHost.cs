using Gateway.Edge;
using Gateway.IntegrationTests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Gateway.IntegrationTests.Edge.Authentication;

/// <summary>
/// A <see cref="GatewayHost"/> (the real Program.cs, no simulator: these tests need no ERP) whose logs are captured, plus
/// probe endpoints mapped behind the whole edge: <c>GET /v1/whoami</c> (any authenticated caller) and
/// <c>GET /v1/probe/{scope}</c> (that scope's policy, ':' written '-').
/// </summary>
internal sealed class EdgeHost : IAsyncDisposable
{
    readonly GatewayHost _host;

    EdgeHost(GatewayHost host)
    {
        _host = host;
        Client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = host.Address };
    }

    public Uri Address => _host.Address;

    public HttpClient Client { get; }

    public IServiceProvider Services => _host.Services;

    /// <summary>Everything the host logged, at every level.</summary>
    public CapturedLogs Logs => _host.Logs!;

    public static string ProbePath(string scope) => "/v1/probe/" + scope.Replace(':', '-');

    public static async Task<EdgeHost> StartAsync(IDictionary<string, string?>? settings = null) =>
        new(await GatewayHost.StartAsync(new GatewayHostOptions
        {
            Settings = settings?.AsReadOnly(),
            Logs = new CapturedLogs(),
            Endpoints = endpoints =>
            {
                endpoints.MapGet("/v1/whoami", (HttpContext context) => Describe(context.Features.Get<Caller>())).RequireAuthorization();
                foreach (var scope in Scopes.All)
                {
                    endpoints.MapGet(ProbePath(scope), (HttpContext context) => Describe(context.Features.Get<Caller>())).RequireAuthorization(scope);
                }
            },
        }));

    static CallerSeen Describe(Caller? caller) => caller is null
        ? new CallerSeen(null, null, [], null)
        : new CallerSeen(caller.Id, caller.Kind.ToString(), [.. caller.Scopes.Order(StringComparer.Ordinal)],
            caller.CustomerIds?.Order(StringComparer.Ordinal).ToArray());

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _host.DisposeAsync();
    }
}

/// <summary>What <c>/v1/whoami</c> answers: the <see cref="Caller"/> the edge set; null customers mean every customer.</summary>
internal sealed record CallerSeen(string? Id, string? Kind, string[] Scopes, string[]? CustomerIds);
