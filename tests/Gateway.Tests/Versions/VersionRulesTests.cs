using Gateway.Versions;

namespace Gateway.Tests.Versions;

public sealed class VersionRulesTests
{
    static VersionsOptions With(string version, string? deprecatedAt = null, string? sunsetAt = null, string? policyUrl = null, params (string Partner, string Until)[] extensions)
    {
        var lifecycle = new VersionLifecycleOptions { DeprecatedAt = deprecatedAt, SunsetAt = sunsetAt, PolicyUrl = policyUrl };
        foreach (var (partner, until) in extensions)
        {
            lifecycle.Extensions[partner] = until;
        }

        return new VersionsOptions { [version] = lifecycle };
    }

    [Fact]
    public void Compile_Nothing_ServesEveryVersionWithoutLifecycle()
    {
        var sut = VersionRules.Compile(new VersionsOptions(), out var errors)!;

        Assert.Empty(errors);
        Assert.Equal(["v1", "v2"], sut.Versions.Keys.Order(StringComparer.Ordinal));
        Assert.All(sut.Versions.Values, v => Assert.False(v.HasLifecycle));
        Assert.Equal("1, 2", sut.SupportedVersionsHeader);
        Assert.Null(sut.DeprecatedVersionsHeader(DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Compile_Lifecycle_RendersHeadersAsTheRfcsWriteThem()
    {
        var sut = VersionRules.Compile(With("v1", "2026-01-01T00:00:00Z", "2027-06-30", "https://example.com/policy"), out _)!;

        var v1 = sut.Versions["v1"];
        Assert.Equal("@1767225600", v1.DeprecationHeader);
        Assert.Equal("Wed, 30 Jun 2027 00:00:00 GMT", v1.SunsetHeader);
        Assert.Contains("<https://example.com/policy>; rel=\"sunset\"; type=\"text/html\"", v1.LinkHeaders.ToArray());
        Assert.Contains("<https://example.com/policy>; rel=\"deprecation\"; type=\"text/html\"", v1.LinkHeaders.ToArray());
    }

    [Fact]
    public void Compile_InstantWithOffset_IsReadAsUtcWholeSeconds()
    {
        var sut = VersionRules.Compile(With("v1", "2026-01-01T02:00:00.750+02:00"), out _)!;

        Assert.Equal("@1767225600", sut.Versions["v1"].DeprecationHeader);
    }

    [Fact]
    public void DeprecatedVersionsHeader_BeforeAndAfterTheDate_ListsOnlyStartedDeprecations()
    {
        var sut = VersionRules.Compile(With("v1", "2026-01-01T00:00:00Z"), out _)!;

        Assert.Null(sut.DeprecatedVersionsHeader(new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero)));
        Assert.Equal("1", sut.DeprecatedVersionsHeader(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("2027-01-01T00:00:00Z", "2026-12-31T00:00:00Z", "Versions:v1:SunsetAt")]
    [InlineData("2027-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "Versions:v1:SunsetAt")]
    [InlineData("soon", null, "Versions:v1:DeprecatedAt")]
    [InlineData(null, "2027-13-45", "Versions:v1:SunsetAt")]
    public void Compile_BadDates_NamesTheKey(string? deprecatedAt, string? sunsetAt, string key)
    {
        var sut = VersionRules.Compile(With("v1", deprecatedAt, sunsetAt), out var errors);

        Assert.Null(sut);
        Assert.Contains(errors, e => e.StartsWith(key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("v3", "Versions:v3")]
    [InlineData("beta", "Versions:beta")]
    public void Compile_UnknownVersion_NamesTheKey(string version, string key)
    {
        var sut = VersionRules.Compile(With(version, "2026-01-01"), out var errors);

        Assert.Null(sut);
        Assert.Contains(errors, e => e.StartsWith(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_SunsetOfTheNewestVersion_IsRefused()
    {
        Assert.Null(VersionRules.Compile(With("v2", "2026-01-01", "2027-01-01"), out var errors));
        Assert.Contains(errors, e => e.StartsWith("Versions:v2:SunsetAt", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ftp://example.com/policy")]
    [InlineData("/relative")]
    public void Compile_PolicyUrlNotAbsoluteHttp_NamesTheKey(string url)
    {
        Assert.Null(VersionRules.Compile(With("v1", "2026-01-01", policyUrl: url), out var errors));
        Assert.Contains(errors, e => e.StartsWith("Versions:v1:PolicyUrl", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("2026-06-01", "Versions:v1:Extensions:p1")]
    [InlineData("later", "Versions:v1:Extensions:p1")]
    public void Compile_ExtensionNotAfterTheSunset_NamesTheKey(string until, string key)
    {
        Assert.Null(VersionRules.Compile(With("v1", "2026-01-01", "2026-06-01", null, ("p1", until)), out var errors));
        Assert.Contains(errors, e => e.StartsWith(key, StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_ExtensionWithoutSunset_IsRefused()
    {
        Assert.Null(VersionRules.Compile(With("v1", "2026-01-01", null, null, ("p1", "2027-01-01")), out var errors));
        Assert.Contains(errors, e => e.StartsWith("Versions:v1:Extensions:p1", StringComparison.Ordinal));
    }

    [Fact]
    public void IsGoneFor_PastSunset_OnlyARunningExtensionIsServed()
    {
        var sut = VersionRules.Compile(With("v1", "2026-01-01", "2026-06-01", null, ("extended", "2026-09-01")), out _)!.Versions["v1"];
        var before = new DateTimeOffset(2026, 5, 31, 23, 59, 59, TimeSpan.Zero);
        var after = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var lapsed = new DateTimeOffset(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.False(sut.IsGoneFor(null, before));
        Assert.True(sut.IsGoneFor(null, after));
        Assert.True(sut.IsGoneFor("other", after));
        Assert.False(sut.IsGoneFor("extended", after));
        Assert.True(sut.IsGoneFor("extended", lapsed));
    }

    [Fact]
    public void Compile_GraphQLField_NeedsTypeDotFieldAndAReason()
    {
        var options = new VersionsOptions
        {
            [VersionsOptions.GraphQLKey] = new VersionLifecycleOptions
            {
                Fields =
                {
                    ["Product.description"] = new FieldDeprecationOptions { Reason = "Use longDescription." },
                    ["nodot"] = new FieldDeprecationOptions { Reason = "x" },
                    ["Product.uom"] = new FieldDeprecationOptions(),
                },
            },
        };

        Assert.Null(VersionRules.Compile(options, out var errors));
        Assert.Contains(errors, e => e.StartsWith("Versions:GraphQL:Fields:nodot", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Versions:GraphQL:Fields:Product.uom:Reason", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.StartsWith("Versions:GraphQL:Fields:Product.description", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_GraphQLWithADate_IsRefused()
    {
        var options = new VersionsOptions { [VersionsOptions.GraphQLKey] = new VersionLifecycleOptions { SunsetAt = "2027-01-01" } };

        Assert.Null(VersionRules.Compile(options, out var errors));
        Assert.Contains(errors, e => e.StartsWith("Versions:GraphQL:SunsetAt", StringComparison.Ordinal));
    }
}
