using Gateway.Versions;
using Microsoft.AspNetCore.Http;

namespace Gateway.Tests.Versions;

public sealed class CanonicalVersionsTests
{
    [Theory]
    [InlineData("/v1/products", "v1")]
    [InlineData("/V2/prices", "v2")]
    [InlineData("/v2", "v2")]
    [InlineData("/v3/products", "v3")]
    [InlineData("/v10/x", "v10")]
    [InlineData("/videos/1", null)]
    [InlineData("/v/1", null)]
    [InlineData("/vx1/a", null)]
    [InlineData("/admin/usage", null)]
    [InlineData("/", null)]
    [InlineData("/v12345678901/a", null)]
    public void SegmentOf_Path_FindsTheVersionSegment(string path, string? expected) =>
        Assert.Equal(expected, CanonicalVersions.SegmentOf(new PathString(path)));

    [Fact]
    public void SegmentOf_ServedVersion_IsTheInternedName() =>
        Assert.Same(CanonicalVersions.V1, CanonicalVersions.SegmentOf(new PathString("/V1/products")));

    [Theory]
    [InlineData("v1", "v2")]
    [InlineData("v2", "v2")]
    public void SuccessorOf_Version_IsTheNextServed(string version, string expected) =>
        Assert.Equal(expected, CanonicalVersions.SuccessorOf(version));
}
