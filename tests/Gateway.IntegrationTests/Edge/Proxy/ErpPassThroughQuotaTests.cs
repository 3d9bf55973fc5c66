extern alias Simulator;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gateway.IntegrationTests.Edge.RateLimiting;
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
        await using var erp = SimulatorApplication.Build(
            ["--urls", "http://127.0.0.1:0", "--Simulator:LatencyMs=0", "--Logging:LogLevel:Default=Warning"]);
        await erp.StartAsync(ct);
        var erpAddress = new Uri(erp.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var control = new HttpClient { BaseAddress = erpAddress };
        using var sample = await control.GetFromJsonAsync<JsonDocument>("/_sim/sample?skus=1&customers=1", ct);
        var sku = sample!.RootElement.GetProperty("skus")[0].GetString()!;
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
}
