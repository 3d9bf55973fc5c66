extern alias Simulator;

using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.IntegrationTests.Fixtures;

/// <summary>
/// The ERP simulator (both ERPs) in-process on Kestrel, on a free loopback port, with no simulated latency unless a test
/// injects some. Share it with <c>[Collection(SharedSimulator.Name)]</c>; tests in one collection run one at a time,
/// so a test may reset the statistics and set faults, and must clear the faults it set (<see cref="ClearFaultsAsync"/>);
/// a test that floods the cloud ERP rests its quota before it counts and after it ends (<see cref="RestCloudQuotaAsync"/>).
/// <see cref="StartAsync"/> starts a private one with other settings.
/// </summary>
public sealed class SimulatorHost : IAsyncLifetime
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    readonly string[] _settings;
    WebApplication? _app;
    HttpClient? _control;

    public SimulatorHost()
        : this([])
    {
    }

    SimulatorHost(string[] settings) => _settings = settings;

    /// <summary>Like <c>http://127.0.0.1:54321/</c>: the value for <c>Erp:Legacy:BaseUrl</c> and <c>Erp:Cloud:BaseUrl</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>A client on <see cref="BaseAddress"/>, for <c>/_sim</c> and direct ERP calls.</summary>
    public HttpClient Client => _control ?? throw new InvalidOperationException("The simulator has not started.");

    /// <summary>The simulator's own services (its data set, its statistics).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The simulator has not started.");

    /// <summary>A private simulator; <paramref name="settings"/> are <c>key=value</c> pairs such as <c>Simulator:Legacy:MaxConcurrency=2</c>.</summary>
    public static async Task<SimulatorHost> StartAsync(params string[] settings)
    {
        var host = new SimulatorHost(settings);
        await host.InitializeAsync();
        return host;
    }

    public async ValueTask InitializeAsync()
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:0",
            "--Simulator:LatencyMs=0",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Extensions.Hosting=None",
            .. _settings.Select(s => "--" + s),
        ];
        _app = Simulator::ErpSimulator.SimulatorApplication.Build(args);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        _control = new HttpClient { BaseAddress = BaseAddress };
    }

    /// <summary><c>GET /_sim/stats</c>: calls, items, refusals per backend since the last reset.</summary>
    public async Task<SimStats> GetStatsAsync(CancellationToken cancellationToken = default) =>
        (await Client.GetFromJsonAsync<SimStats>("_sim/stats", Json, cancellationToken))!;

    /// <summary><c>POST /_sim/stats/reset</c>.</summary>
    /// <summary>
    /// Waits until the cloud ERP's quota bucket is full again (its burst over its rate: 2 s by default), whatever was spent
    /// of it before. A test whose counts depend on the quota (429s, calls, shares) starts from an ERP that has been quiet,
    /// as a budget starting afresh assumes; run right after another test's flood, it would count that flood's debt. The
    /// order of tests follows the assembly's path, so an order that passes in one checkout may not come up in another.
    /// </summary>
    public Task RestCloudQuotaAsync(CancellationToken cancellationToken = default)
    {
        var quota = Services.GetRequiredService<IOptions<Simulator::ErpSimulator.SimulatorOptions>>().Value.Cloud;
        return Task.Delay(TimeSpan.FromSeconds((double)quota.Burst / quota.RequestsPerSecond), cancellationToken);
    }

    public async Task ResetStatsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Client.PostAsync("_sim/stats/reset", null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary><c>GET /_sim/sample</c>: real, active keys spread over the data set.</summary>
    public async Task<SimSample> SampleAsync(int skus, int customers, CancellationToken cancellationToken = default) =>
        (await Client.GetFromJsonAsync<SimSample>(FormattableString.Invariant($"_sim/sample?skus={skus}&customers={customers}"), Json, cancellationToken))!;

    /// <summary><c>POST /_sim/faults</c> for one backend (<c>legacy</c> or <c>cloud</c>); what is not given is cleared.</summary>
    public async Task SetFaultsAsync(string backend, int latencyMs = 0, double errorRate = 0, bool outage = false, CancellationToken cancellationToken = default)
    {
        using var response = await Client.PostAsJsonAsync("_sim/faults", new { backend, latencyMs, errorRate, outage }, Json, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Clears the faults of both backends.</summary>
    public async Task ClearFaultsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await Client.PostAsJsonAsync("_sim/faults", new { }, Json, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _control?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

/// <summary>One simulator for every test class in the collection.</summary>
[CollectionDefinition(Name)]
public sealed class SharedSimulator : ICollectionFixture<SimulatorHost>
{
    public const string Name = "Simulator";
}

/// <summary>The answer of <c>GET /_sim/stats</c>.</summary>
public sealed record SimStats(SimBackendStats Legacy, SimBackendStats Cloud, long OrdersCreated);

/// <param name="BusyFaults">Legacy: ServerBusy faults sent.</param>
/// <param name="Throttled">Cloud: 429s sent.</param>
public sealed record SimBackendStats(long Calls, long BusyFaults, long Throttled, long MaxConcurrency, IReadOnlyDictionary<string, SimOperationStats> Operations)
{
    /// <summary>Calls of one operation (legacy: SOAP operation name; cloud: e.g. <c>inventory.get</c>); 0 when none.</summary>
    public long CallsOf(string operation) => Operations.TryGetValue(operation, out var stats) ? stats.Calls : 0;

    public long ItemsOf(string operation) => Operations.TryGetValue(operation, out var stats) ? stats.Items : 0;
}

public sealed record SimOperationStats(long Calls, long Items);

/// <summary>The answer of <c>GET /_sim/sample</c>.</summary>
public sealed record SimSample(IReadOnlyList<string> Skus, IReadOnlyList<SimSampleCustomer> Customers);

/// <param name="CreditStatus"><c>Ok</c> or <c>Hold</c>.</param>
public sealed record SimSampleCustomer(string CustomerId, IReadOnlyList<string> ShipToIds, IReadOnlyList<string> ContractSkus, string CreditStatus);
