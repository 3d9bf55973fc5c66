using System.Net;
using System.Text.Json;
using Gateway.IntegrationTests.Fixtures;

namespace Gateway.IntegrationTests.Versions;

/// <summary>v1 and v2 over the same data: the same quote, v2 with every amount as money and the unit explicit.</summary>
[Collection(VersionsCluster.Name)]
public sealed class SideBySideTests(VersionsClusterFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task V1_and_v2_price_the_same_quote_each_in_its_own_shape()
    {
        var customer = fixture.Sample.Customers[0].CustomerId;
        var query = $"?customerId={customer}&sku={fixture.Sample.Skus[0]}&sku={fixture.Sample.Skus[1]}&quantity=3";

        using var v1 = await fixture.A.Admin.GetAsync(new Uri("v1/prices" + query, UriKind.Relative), Ct);
        using var v2 = await fixture.A.Admin.GetAsync(new Uri("v2/prices" + query, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, v1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, v2.StatusCode);
        var one = JsonDocument.Parse(await v1.Content.ReadAsStringAsync(Ct)).RootElement;
        var two = JsonDocument.Parse(await v2.Content.ReadAsStringAsync(Ct)).RootElement;
        var currency = one.GetProperty("currency").GetString();
        Assert.False(two.TryGetProperty("currency", out _), "v2 carries the currency with each amount, not beside the list.");
        Assert.Equal(one.GetProperty("items").GetArrayLength(), two.GetProperty("items").GetArrayLength());
        foreach (var (line1, line2) in one.GetProperty("items").EnumerateArray().Zip(two.GetProperty("items").EnumerateArray()))
        {
            Assert.Equal(line1.GetProperty("sku").GetString(), line2.GetProperty("sku").GetString());
            Assert.Equal(JsonValueKind.Number, line1.GetProperty("unitPrice").ValueKind);
            Assert.Equal(line1.GetProperty("unitPrice").GetDecimal(), line2.GetProperty("unitPrice").GetProperty("amount").GetDecimal());
            Assert.Equal(currency, line2.GetProperty("unitPrice").GetProperty("currency").GetString());
            Assert.Equal(line1.GetProperty("listPrice").GetDecimal(), line2.GetProperty("listPrice").GetProperty("amount").GetDecimal());
            Assert.Equal("EA", line2.GetProperty("unit").GetString());
            Assert.False(line1.TryGetProperty("unit", out _));
            var breaks1 = line1.GetProperty("breaks").EnumerateArray().Select(b => b.GetProperty("unitPrice").GetDecimal());
            var breaks2 = line2.GetProperty("breaks").EnumerateArray().Select(b => b.GetProperty("unitPrice").GetProperty("amount").GetDecimal());
            Assert.Equal(breaks1, breaks2);
        }
    }

    [Fact]
    public async Task Unchanged_resources_answer_alike_in_both_versions()
    {
        var sku = fixture.Sample.Skus[2];

        var v1 = await fixture.A.Admin.GetStringAsync(new Uri($"v1/products/{sku}", UriKind.Relative), Ct);
        var v2 = await fixture.A.Admin.GetStringAsync(new Uri($"v2/products/{sku}", UriKind.Relative), Ct);

        Assert.Equal(v1, v2);
    }

    [Fact]
    public async Task Unknown_version_is_404_problem_listing_the_served_ones()
    {
        using var response = await fixture.A.Admin.GetAsync(new Uri("v3/products", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("https://gateway.example/problems/unknown-version", problem.GetProperty("type").GetString());
        Assert.Equal(["v1", "v2"], problem.GetProperty("supportedVersions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("1, 2", Assert.Single(response.Headers.GetValues("api-supported-versions")));
    }

    [Fact]
    public async Task A_path_that_only_looks_like_a_version_is_not_one()
    {
        using var response = await fixture.A.Admin.GetAsync(new Uri("videos/1", UriKind.Relative), Ct);

        Assert.False(response.Headers.Contains("api-supported-versions"));
    }

    [Fact]
    public async Task Orders_stay_on_v1()
    {
        using var response = await fixture.A.Admin.GetAsync(new Uri("v2/orders/unknown", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("1, 2", Assert.Single(response.Headers.GetValues("api-supported-versions")));
    }
}
