using System.Net;
using System.Net.Http.Json;
using Gateway.Edge;
using Microsoft.Extensions.Options;

namespace Gateway.IntegrationTests.Edge.Authentication;

/// <summary>
/// Auth:Anonymous opens the public catalog to requests without a credential: catalog:read only, acting for no
/// customer, limited per client address; by default (see <see cref="JwtAuthenticationTests"/>) they get 401.
/// </summary>
public sealed class AnonymousCatalogTests
{
    static Dictionary<string, string?> PublicCatalog(int burst = 1000) => new()
    {
        ["Auth:Anonymous:Scopes:0"] = Scopes.CatalogRead,
        ["Auth:Anonymous:RequestsPerSecond"] = "1",
        ["Auth:Anonymous:Burst"] = burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Without_a_credential_the_catalog_is_read_as_an_anonymous_caller_acting_for_no_customer()
    {
        await using var host = await EdgeHost.StartAsync(PublicCatalog());

        using var catalog = await host.Client.GetAsync(EdgeHost.ProbePath(Scopes.CatalogRead), TestContext.Current.CancellationToken);
        using var pricing = await host.Client.GetAsync(EdgeHost.ProbePath(Scopes.PricingRead), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, catalog.StatusCode);
        var seen = await catalog.Content.ReadFromJsonAsync<CallerSeen>(TestContext.Current.CancellationToken);
        Assert.Equal("anonymous:127.0.0.1", seen!.Id);
        Assert.Equal(nameof(CallerKind.Anonymous), seen.Kind);
        Assert.Empty(seen.CustomerIds!);
        await Problems.AssertProblemAsync(pricing, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_callers_are_limited_per_client_address()
    {
        await using var host = await EdgeHost.StartAsync(PublicCatalog(burst: 3));
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 6; i++)
        {
            using var response = await host.Client.GetAsync(EdgeHost.ProbePath(Scopes.CatalogRead), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        // The burst of 3, and at most one token more should the machine be slow enough for a second to pass.
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 3, 4);
        Assert.Equal(6, statuses.Count(s => s is HttpStatusCode.OK or HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Requests_refused_for_their_scope_still_spend_the_callers_limit()
    {
        await using var host = await EdgeHost.StartAsync(PublicCatalog(burst: 3));
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 6; i++)
        {
            using var response = await host.Client.GetAsync(EdgeHost.ProbePath(Scopes.PricingRead), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        // The limits run before the scope policies: refusals cannot flood. Were the policies first, all six were 403.
        Assert.Equal(HttpStatusCode.Forbidden, statuses[0]);
        Assert.All(statuses, status => Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests, $"answered {status}"));
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.TooManyRequests), 1, 3);
    }

    [Fact]
    public async Task A_scope_beyond_the_catalog_for_anonymous_callers_stops_the_start()
    {
        var settings = PublicCatalog();
        settings["Auth:Anonymous:Scopes:1"] = Scopes.PricingRead;

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => EdgeHost.StartAsync(settings));

        Assert.Contains(Scopes.PricingRead, failure.Message, StringComparison.Ordinal);
    }
}
