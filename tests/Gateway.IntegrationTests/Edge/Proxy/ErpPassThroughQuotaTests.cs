extern alias Simulator;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.Core;
using Gateway.Core.Erp;
using Gateway.IntegrationTests.Edge.RateLimiting;
using Gateway.IntegrationTests.Erp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Simulator::ErpSimulator;

namespace Gateway.IntegrationTests.Edge.Proxy;

/// <summary>The pass-through in front of the real cloud ERP simulator: it answers, and never makes the ERP throttle.</summary>
public sealed class ErpPassThroughQuotaTests
{
    [Fact]
    public async Task Partners_flooding_the_pass_through_never_push_the_cloud_erp_over_its_quota()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var erp = await StartErpAsync(ct);
        var erpAddress = erp.Address;
        var control = erp.Control;
        var sku = (await erp.SkusAsync(1, ct))[0];
        await using var gateway = await EdgeTestHost.StartAsync("A", new Dictionary<string, string?>
        {
            ["Erp:Cloud:BaseUrl"] = erpAddress.ToString().TrimEnd('/'),
            ["Erp:Cloud:RequestsPerSecond"] = "20",
        });
        var partner = EdgeTestHost.CallerValue("partner:flood-erp", 1000, 1000, 1_000_000, "catalog:read");

        var answers = await Task.WhenAll(Enumerable.Range(0, 80).Select(async _ =>
        {
            using var response = await gateway.Client.SendAsync(gateway.Get($"/erp/cloud/items/{sku}", partner), ct);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync(ct), response.Headers.RetryAfter);
        }));
        using var stats = await control.GetFromJsonAsync<JsonDocument>("/_sim/stats", ct);
        var cloud = stats!.RootElement.GetProperty("cloud");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"80 at once: {answers.Count(a => a.StatusCode == HttpStatusCode.OK)} answered, {answers.Count(a => a.StatusCode != HttpStatusCode.OK)} told to retry; ERP throttled {cloud.GetProperty("throttled").GetInt32()}");

        Assert.Contains(answers, a => a.StatusCode == HttpStatusCode.OK && a.Body.Contains(sku, StringComparison.Ordinal));
        Assert.All(answers, a => Assert.True(
            a.StatusCode == HttpStatusCode.OK || (a.StatusCode == HttpStatusCode.ServiceUnavailable && a.RetryAfter is not null),
            $"unexpected {a.StatusCode}"));
        Assert.Equal(0, cloud.GetProperty("throttled").GetInt32());
        Assert.Equal(answers.Count(a => a.StatusCode == HttpStatusCode.OK), cloud.GetProperty("calls").GetInt32());
    }

    [Fact]
    public async Task Pass_through_and_connectors_spend_one_budget_so_together_they_never_push_the_cloud_erp_over_its_quota()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var erp = await StartErpAsync(ct);
        var erpAddress = erp.Address;
        var control = erp.Control;
        var skus = await erp.SkusAsync(40, ct);
        await using var gateway = await EdgeTestHost.StartAsync("A", new Dictionary<string, string?>
        {
            ["Erp:Cloud:BaseUrl"] = erpAddress.ToString().TrimEnd('/'),
            ["Erp:Cloud:RequestsPerSecond"] = "20",
            ["Erp:Cloud:CoalescingWindow"] = "00:00:00",
            ["Erp:Routing:Inventory"] = "Cloud",
        });
        var partner = EdgeTestHost.CallerValue("partner:flood-erp", 1000, 1000, 1_000_000, "catalog:read");
        // The connector itself, not the cache Program.cs puts in front of it: every read must reach the ERP budget.
        var stock = gateway.Services.GetRequiredKeyedService<IStockSource>(Gateway.Caching.CachingSetup.Erp);

        // Each side alone could spend the whole quota; for four seconds both ask far more than it allows.
        var viaPassThrough = Hammer.RunAsync(20, TimeSpan.FromSeconds(4), async (caller, _, token) =>
        {
            using var response = await gateway.Client.SendAsync(gateway.Get($"/erp/cloud/items/{skus[caller]}", partner), token);
            if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                throw new ErpUnavailableException(ErpSystem.Cloud, response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, "pass-through refused");
            }

            response.EnsureSuccessStatusCode();
        }, ct);
        var viaConnectors = Hammer.RunAsync(20, TimeSpan.FromSeconds(4), (caller, _, token) => stock.GetStockAsync([skus[20 + caller]], token), ct);
        var (passThrough, connectors) = (await viaPassThrough, await viaConnectors);
        using var stats = await control.GetFromJsonAsync<JsonDocument>("/_sim/stats", ct);
        var cloud = stats!.RootElement.GetProperty("cloud");
        TestContext.Current.TestOutputHelper?.WriteLine($"pass-through: {passThrough}; connectors: {connectors}; ERP throttled {cloud.GetProperty("throttled").GetInt32()}");

        OverloadTests.AssertEveryCallEnded(passThrough);
        OverloadTests.AssertEveryCallEnded(connectors);
        Assert.True(passThrough.Refusals + connectors.Refusals > 0, "the demand should have exceeded the quota");
        Assert.Equal(0, cloud.GetProperty("throttled").GetInt32());
        Assert.Equal(passThrough.Answers + connectors.Answers, cloud.GetProperty("calls").GetInt32());
    }

    /// <summary>The real simulator without latency, in process on a free port.</summary>
    static async Task<InProcessErp> StartErpAsync(CancellationToken ct)
    {
        var app = SimulatorApplication.Build(["--urls", "http://127.0.0.1:0", "--Simulator:LatencyMs=0", "--Logging:LogLevel:Default=Warning"]);
        await app.StartAsync(ct);
        return new InProcessErp(app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }

    sealed class InProcessErp(WebApplication app, Uri address) : IAsyncDisposable
    {
        public Uri Address { get; } = address;

        public HttpClient Control { get; } = new() { BaseAddress = address };

        public async Task<string[]> SkusAsync(int count, CancellationToken ct)
        {
            using var sample = await Control.GetFromJsonAsync<JsonDocument>($"/_sim/sample?skus={count}&customers=1", ct);
            return [.. sample!.RootElement.GetProperty("skus").EnumerateArray().Select(s => s.GetString()!)];
        }

        public async ValueTask DisposeAsync()
        {
            Control.Dispose();
            await app.DisposeAsync();
        }
    }
}
