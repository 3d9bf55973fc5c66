using System.Net;
using System.Net.Http.Json;
using Gateway.IntegrationTests.Edge.RateLimiting;

namespace Gateway.IntegrationTests.Edge.Proxy;

/// <summary>YARP routes from configuration send a whole API version to another deployment of the gateway.</summary>
public sealed class VersionRoutingTests
{
    static readonly string Partner = EdgeTestHost.CallerValue("partner:router", 100, 100, 100_000, "catalog:read");

    static Dictionary<string, string?> V1RoutedTo(Uri destination, string routePrefix = "ReverseProxy") => new()
    {
        [$"{routePrefix}:Routes:v1:ClusterId"] = "gateway-v1",
        [$"{routePrefix}:Routes:v1:Match:Path"] = "/v1/{**rest}",
        // The destination gateway enforces the plan; counting here too would charge the partner twice.
        [$"{routePrefix}:Routes:v1:RateLimiterPolicy"] = "Disable",
        [$"{routePrefix}:Clusters:gateway-v1:Destinations:b:Address"] = destination.ToString(),
    };

    [Fact]
    public async Task Version_routed_by_configuration_is_answered_by_the_other_host_with_the_correlation_id_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var b = await EdgeTestHost.StartAsync("B", new Dictionary<string, string?>());
        await using var a = await EdgeTestHost.StartAsync("A", V1RoutedTo(b.Address), servesV1: false);
        using var request = a.Get("/v1/whoami", Partner);
        request.Headers.Add("X-Correlation-Id", "corr-v1-route");
        request.Headers.Authorization = new("Bearer", "storefront.jwt");

        using var response = await a.Client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<WhoAmI>(ct);
        Assert.Equal("B", answer!.Host);
        Assert.Equal("corr-v1-route", answer.CorrelationId);
        Assert.Equal("partner:router", answer.Caller);
        // Between gateway deployments the caller's credential travels on: B authenticates it again.
        Assert.Equal("Bearer storefront.jwt", answer.Authorization);
        Assert.Equal("corr-v1-route", response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Single(response.Headers.GetValues("RateLimit"));
    }

    [Fact]
    public async Task Generated_correlation_id_reaches_the_other_host_too()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var b = await EdgeTestHost.StartAsync("B", new Dictionary<string, string?>());
        await using var a = await EdgeTestHost.StartAsync("A", V1RoutedTo(b.Address), servesV1: false);

        using var response = await a.Client.SendAsync(a.Get("/v1/whoami", Partner), ct);

        var answer = await response.Content.ReadFromJsonAsync<WhoAmI>(ct);
        Assert.Equal(response.Headers.GetValues("X-Correlation-Id").Single(), answer!.CorrelationId);
    }

    [Fact]
    public async Task Route_added_by_a_configuration_reload_is_served_without_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var b = await EdgeTestHost.StartAsync("B", new Dictionary<string, string?>());
        await using var a = await EdgeTestHost.StartAsync("A", new Dictionary<string, string?>(), servesV1: false);
        using var before = await a.Client.SendAsync(a.Get("/v1/whoami", Partner), ct);

        a.Reconfigure(V1RoutedTo(b.Address));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        HttpStatusCode after;
        do
        {
            using var response = await a.Client.SendAsync(a.Get("/v1/whoami", Partner), ct);
            after = response.StatusCode;
        }
        while (after != HttpStatusCode.OK && DateTime.UtcNow < deadline && await Delay(ct));

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after);
    }

    [Fact]
    public async Task Unreachable_version_cluster_answers_502_problem()
    {
        var ct = TestContext.Current.CancellationToken;
        Uri dead;
        await using (var gone = await EdgeTestHost.StartAsync("gone", new Dictionary<string, string?>()))
        {
            dead = gone.Address;
        }

        await using var a = await EdgeTestHost.StartAsync("A", V1RoutedTo(dead), servesV1: false);

        using var response = await a.Client.SendAsync(a.Get("/v1/whoami", Partner), ct);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("traceId", await response.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    static async Task<bool> Delay(CancellationToken ct)
    {
        await Task.Delay(100, ct);
        return true;
    }
}
