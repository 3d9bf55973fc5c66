using System.Net;
using System.Text.Json;
using Gateway.IntegrationTests.Admin;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Versions;

/// <summary>After its sunset a version answers 410 linking to its successor, except to partners whose extension still runs.</summary>
public sealed class SunsetTests : IAsyncLifetime
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    SimulatorHost _simulator = null!;
    GatewayHost _gateway = null!;
    string _extended = null!;
    string _lapsed = null!;
    string _sku = null!;

    public async ValueTask InitializeAsync()
    {
        _simulator = await SimulatorHost.StartAsync();
        var sample = await _simulator.SampleAsync(1, 1, Ct);
        _sku = sample.Skus[0];
        // Partners first (their ids name the extensions), on a gateway without a lifecycle, then the sunset by a reload.
        _gateway = await GatewayHost.StartAsync(_simulator);
        var admin = new AdminClient(_gateway.Client);
        var extendedId = await admin.CreatePartnerAsync(["catalog:read"], [sample.Customers[0].CustomerId]);
        var lapsedId = await admin.CreatePartnerAsync(["catalog:read"], [sample.Customers[0].CustomerId]);
        _extended = (await admin.IssueKeyAsync(extendedId)).Key;
        _lapsed = (await admin.IssueKeyAsync(lapsedId)).Key;
        _gateway.Reconfigure(new Dictionary<string, string?>
        {
            ["Versions:v1:DeprecatedAt"] = "2026-01-01T00:00:00Z",
            ["Versions:v1:SunsetAt"] = "2026-06-01T00:00:00Z",
            ["Versions:v1:PolicyUrl"] = "https://developer.gateway.example/v1-sunset",
            [$"Versions:v1:Extensions:{extendedId}"] = "2099-01-01T00:00:00Z",
            [$"Versions:v1:Extensions:{lapsedId}"] = "2026-07-01T00:00:00Z",
        });
    }

    [Fact]
    public async Task A_sunset_version_is_410_problem_linking_to_its_successor()
    {
        using var response = await _gateway.Admin.GetAsync(new Uri($"v1/products/{_sku}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("https://gateway.example/problems/version-gone", problem.GetProperty("type").GetString());
        Assert.Equal("v2", problem.GetProperty("successorVersion").GetString());
        Assert.Contains("</v2>; rel=\"successor-version\"", response.Headers.GetValues("Link"));
        Assert.Equal("Mon, 01 Jun 2026 00:00:00 GMT", Assert.Single(response.Headers.GetValues("Sunset")));
    }

    [Fact]
    public async Task The_successor_keeps_answering()
    {
        using var response = await _gateway.Admin.GetAsync(new Uri($"v2/products/{_sku}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_partner_with_a_running_extension_is_still_served()
    {
        using var extended = await AdminClient.GetWithKeyAsync(_gateway.Client, $"/v1/products/{_sku}", _extended);
        using var lapsed = await AdminClient.GetWithKeyAsync(_gateway.Client, $"/v1/products/{_sku}", _lapsed);

        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.Equal("Mon, 01 Jun 2026 00:00:00 GMT", Assert.Single(extended.Headers.GetValues("Sunset")));
        Assert.Equal(HttpStatusCode.Gone, lapsed.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _simulator.DisposeAsync();
    }
}
