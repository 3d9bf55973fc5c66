using System.Net;
using Gateway.IntegrationTests.CanonicalApi;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Hosting;

/// <summary><c>GET /metrics</c> (the contract's Prometheus endpoint): answers by route and status, cache lookups, the ERP's calls.</summary>
[Collection(SharedCanonicalApi.Name)]
public sealed class MetricsEndpointTests(CanonicalApiFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_count_answers_by_route_and_status_cache_lookups_and_the_erp_calls_behind_them()
    {
        // A SKU no other test of the collection reads: its first read is an ERP call.
        var sku = fixture.Sample.Skus[^3];
        using (var found = await fixture.Gateway.Admin.GetAsync(new Uri($"v1/products/{sku}", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        }

        // Another URL of the same product is not a kept answer of the first one: its key is looked up, and found.
        using (var again = await fixture.Gateway.Admin.GetAsync(new Uri($"v1/products/{sku}?again=1", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        using (var missing = await fixture.Gateway.Admin.GetAsync(new Uri("v1/products/NO-SUCH-SKU", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        // Without a credential, as a Prometheus server scrapes.
        using var scrape = await fixture.Gateway.Client.GetAsync(new Uri("metrics", UriKind.Relative), Ct);
        var text = await scrape.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Equal("text/plain", scrape.Content.Headers.ContentType?.MediaType);
        var answers = Exposition.Series(text, "http_server_request_duration_seconds_count").Where(s => s.Has("http_route", "/v1/products/{sku}")).ToList();
        Assert.Contains(answers, s => s.Has("http_response_status_code", "200"));
        Assert.Contains(answers, s => s.Has("http_response_status_code", "404"));
        Assert.Contains(Exposition.Series(text, "gateway_erp_calls_total"), s => s.Has("erp_outcome", "ok"));
        Assert.NotEmpty(Exposition.Series(text, "gateway_erp_call_duration_seconds_count"));
        // Buckets in seconds: the simulator's calls (no latency here) are counted under a tenth of a second.
        Assert.Contains(
            Exposition.Series(text, "gateway_erp_call_duration_seconds_bucket"),
            s => s.Has("erp_outcome", "ok") && s.Has("le", "0.1") && Exposition.Value(s) > 0);
        var productLookups = Exposition.Series(text, "gateway_cache_lookups_total").Where(s => s.Has("cache_region", "product")).ToList();
        Assert.Contains(productLookups, s => s.Has("cache_result", "miss"));
        Assert.Contains(productLookups, s => s.Has("cache_result", "hit"));
        Assert.NotEmpty(Exposition.Series(text, "dotnet_process_memory_working_set_bytes"));
        // Labels name routes, never what a caller sent: no path of a product, no credential.
        Assert.DoesNotContain($"/v1/products/{sku}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestTokens.AdminToken, text, StringComparison.Ordinal);
    }
}
