using System.Net;
using Gateway.IntegrationTests.Edge.RateLimiting;

namespace Gateway.IntegrationTests.Edge.Proxy;

/// <summary>
/// <c>/erp/cloud/**</c> reaches the cloud ERP's <c>/cloud/api/**</c> as the gateway, not as the partner:
/// the recorder standing in for the ERP sees what the ERP would.
/// </summary>
public sealed class ErpPassThroughTests
{
    const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    static readonly string Reader = EdgeTestHost.CallerValue("partner:reader", 100, 100, 100_000, "catalog:read");

    static async Task<EdgeTestHost> GatewayBeforeAsync(Uri erp, int erpRate = 20) =>
        await EdgeTestHost.StartAsync("A", new Dictionary<string, string?>
        {
            ["Erp:Cloud:BaseUrl"] = erp.ToString().TrimEnd('/'),
            ["Erp:Cloud:ApiKey"] = "gateway-own-erp-key",
            ["Erp:Cloud:RequestsPerSecond"] = erpRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    [Fact]
    public async Task Pass_through_strips_the_partners_credentials_adds_the_gateways_and_forwards_correlation_and_trace()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var erp = await UpstreamRecorder.StartAsync();
        await using var gateway = await GatewayBeforeAsync(erp.Address);
        using var request = gateway.Get("/erp/cloud/items/100042?fields=name", Reader);
        request.Headers.Add("X-Api-Key", "partner-secret-key");
        request.Headers.Authorization = new("Bearer", "partner.jwt.token");
        request.Headers.Add("Cookie", "session=partner");
        request.Headers.Add("X-Forwarded-For", "6.6.6.6");
        request.Headers.Add("X-Correlation-Id", "corr-erp-123");
        request.Headers.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");

        using var response = await gateway.Client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("corr-erp-123", response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.False(response.Headers.Contains("Set-Cookie"));
        var seen = Assert.Single(erp.Requests);
        Assert.Equal("/cloud/api/items/100042?fields=name", seen.PathAndQuery);
        Assert.Equal("gateway-own-erp-key", seen.Headers["X-Api-Key"]);
        Assert.False(seen.Headers.ContainsKey("Authorization"));
        Assert.False(seen.Headers.ContainsKey("Cookie"));
        Assert.False(seen.Headers.ContainsKey("X-Forwarded-For"));
        Assert.Equal("corr-erp-123", seen.Headers["X-Correlation-Id"]);
        Assert.Contains(TraceId, seen.Headers["traceparent"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pass_through_is_read_only_and_answers_other_methods_405_problem()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var erp = await UpstreamRecorder.StartAsync();
        await using var gateway = await GatewayBeforeAsync(erp.Address);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/erp/cloud/sales-orders") { Content = new StringContent("{}") };
        request.Headers.Add(EdgeTestHost.CallerHeader, Reader);

        using var response = await gateway.Client.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Empty(erp.Requests);
    }

    [Theory]
    [InlineData("/erp/cloud/items/100042", null, HttpStatusCode.Unauthorized)]
    [InlineData("/erp/cloud/inventory?skus=100042", "catalog:read", HttpStatusCode.Forbidden)]
    [InlineData("/erp/cloud/customers/C0001", "catalog:read", HttpStatusCode.NotFound)]
    [InlineData("/erp/cloud/pricing/contracts/C0001", "admin", HttpStatusCode.NotFound)]
    public async Task Pass_through_refuses_callers_and_resources_outside_its_governance(string path, string? scope, HttpStatusCode expected)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var erp = await UpstreamRecorder.StartAsync();
        await using var gateway = await GatewayBeforeAsync(erp.Address);
        var caller = scope is null ? null : EdgeTestHost.CallerValue("partner:scoped", 100, 100, 100_000, scope);

        using var response = await gateway.Client.SendAsync(gateway.Get(path, caller), ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(erp.Requests);
    }

    [Fact]
    public async Task Pass_through_counts_against_the_callers_plan()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var erp = await UpstreamRecorder.StartAsync();
        await using var gateway = await GatewayBeforeAsync(erp.Address);
        var slow = EdgeTestHost.CallerValue("partner:slow", 1, 1, 100, "catalog:read");

        using var first = await gateway.Client.SendAsync(gateway.Get("/erp/cloud/items", slow), ct);
        using var second = await gateway.Client.SendAsync(gateway.Get("/erp/cloud/items", slow), ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Single(erp.Requests);
    }

    [Fact]
    public async Task Pass_through_to_an_unreachable_erp_answers_502_problem()
    {
        var ct = TestContext.Current.CancellationToken;
        Uri dead;
        await using (var gone = await UpstreamRecorder.StartAsync())
        {
            dead = gone.Address;
        }

        await using var gateway = await GatewayBeforeAsync(dead);

        using var response = await gateway.Client.SendAsync(gateway.Get("/erp/cloud/items", Reader), ct);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
