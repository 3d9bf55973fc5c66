using System.Net;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Pricing;

/// <summary>
/// Far more demand than the ERPs' quotas (200 storefronts at once, each pricing SKUs no one asked before, so no cache
/// or coalescing absorbs it): the ERPs never refuse a call, and every caller gets its prices or a 503 with Retry-After.
/// </summary>
public sealed class PriceOverloadTests
{
    const int Clients = 200;
    const int RequestsPerClient = 4;
    const int SkusPerRequest = 2;

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hundred_concurrent_storefronts_never_make_an_erp_refuse_a_call()
    {
        // The simulator's own quotas (cloud 20/s, burst 40; legacy 4 sessions), which the gateway's defaults match.
        await using var simulator = await SimulatorHost.StartAsync();
        await using var gateway = await GatewayHost.StartAsync(simulator);
        var sample = await simulator.SampleAsync(Clients * RequestsPerClient * SkusPerRequest, Clients, Ct);
        Assert.Equal(Clients, sample.Customers.Count);
        await simulator.ResetStatsAsync(Ct);

        var answers = await Task.WhenAll(sample.Customers.Select((customer, c) => Task.Run(async () =>
        {
            var storefront = gateway.ClientFor(TestTokens.Storefront(customer.CustomerId, ["pricing:read"], TimeSpan.FromMinutes(10), subject: $"storefront-{c}"));
            var statuses = new List<(HttpStatusCode Status, TimeSpan? RetryAfter)>();
            for (var r = 0; r < RequestsPerClient; r++)
            {
                var first = ((c * RequestsPerClient) + r) * SkusPerRequest;
                var skus = string.Join('&', sample.Skus.Skip(first).Take(SkusPerRequest).Select(s => "sku=" + s));
                using var response = await storefront.GetAsync(new Uri("v1/prices?" + skus, UriKind.Relative), Ct);
                statuses.Add((response.StatusCode, response.Headers.RetryAfter?.Delta));
            }

            return statuses;
        }, Ct)));
        var stats = await simulator.GetStatsAsync(Ct);

        var all = answers.SelectMany(a => a).ToList();
        Assert.Equal(Clients * RequestsPerClient, all.Count);
        Assert.All(all, a => Assert.True(
            a.Status == HttpStatusCode.OK || (a.Status == HttpStatusCode.ServiceUnavailable && a.RetryAfter >= TimeSpan.FromSeconds(1)),
            $"{a.Status} (Retry-After {a.RetryAfter})"));
        Assert.Contains(all, a => a.Status == HttpStatusCode.OK);
        Assert.True(stats.Cloud.Calls > 0 && stats.Legacy.Calls > 0, "the requests reached both ERPs");
        var figures = $"{all.Count(a => a.Status == HttpStatusCode.OK)} OK, {all.Count(a => a.Status == HttpStatusCode.ServiceUnavailable)} 503; "
            + $"cloud {stats.Cloud.Calls} calls, {stats.Cloud.Throttled} throttled; legacy {stats.Legacy.Calls} calls, {stats.Legacy.BusyFaults} busy, "
            + $"{stats.Legacy.MaxConcurrency} at most at once";
        TestContext.Current.TestOutputHelper?.WriteLine(figures);
        Assert.True(stats.Cloud.Throttled == 0, "the cloud ERP answered 429: " + figures);
        Assert.True(stats.Legacy.BusyFaults == 0, "the legacy ERP answered ServerBusy: " + figures);
    }
}
