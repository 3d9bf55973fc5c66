using System.Net;

namespace Gateway.IntegrationTests.Versions;

/// <summary>A deprecated version's answers carry Deprecation (RFC 9745), Sunset (RFC 8594) and Link exactly as the RFCs write them.</summary>
[Collection(VersionsCluster.Name)]
public sealed class LifecycleHeadersTests(VersionsClusterFixture fixture)
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deprecated_version_answers_carry_the_rfc_headers()
    {
        using var response = await fixture.A.Admin.GetAsync(new Uri($"v1/products/{fixture.Sample.Skus[3]}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertDeprecatedV1(response);
    }

    [Fact]
    public async Task A_kept_answer_carries_the_same_headers()
    {
        var path = new Uri($"v1/inventory/{fixture.Sample.Skus[4]}", UriKind.Relative);
        using var first = await fixture.A.Admin.GetAsync(path, Ct);
        using var again = await fixture.A.Admin.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("gateway; hit", Assert.Single(again.Headers.GetValues("Cache-Status")));
        AssertDeprecatedV1(again);
    }

    [Fact]
    public async Task The_successor_is_not_deprecated_but_reports_which_versions_are()
    {
        using var response = await fixture.A.Admin.GetAsync(new Uri($"v2/products/{fixture.Sample.Skus[3]}", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Deprecation"));
        Assert.False(response.Headers.Contains("Sunset"));
        Assert.Equal("1, 2", Assert.Single(response.Headers.GetValues("api-supported-versions")));
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("api-deprecated-versions")));
    }

    static void AssertDeprecatedV1(HttpResponseMessage response)
    {
        // RFC 9745: a structured-field date, @ and the Unix seconds of 2026-01-01T00:00:00Z.
        Assert.Equal("@1767225600", Assert.Single(response.Headers.GetValues("Deprecation")));
        // RFC 8594: an HTTP-date (IMF-fixdate) of 2027-06-30T00:00:00Z.
        Assert.Equal("Wed, 30 Jun 2027 00:00:00 GMT", Assert.Single(response.Headers.GetValues("Sunset")));
        var links = response.Headers.GetValues("Link").ToList();
        Assert.Contains($"<{VersionsClusterFixture.PolicyUrl}>; rel=\"deprecation\"; type=\"text/html\"", links);
        Assert.Contains($"<{VersionsClusterFixture.PolicyUrl}>; rel=\"sunset\"; type=\"text/html\"", links);
        Assert.Equal("1, 2", Assert.Single(response.Headers.GetValues("api-supported-versions")));
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("api-deprecated-versions")));
    }
}
