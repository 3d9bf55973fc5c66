using Gateway.Edge.Scoping;

namespace Gateway.Tests.Edge.Scoping;

public sealed class ScopeKeyTests
{
    [Theory]
    [InlineData("partner:a", "GET /v1/products/{sku}")]
    [InlineData("12:3:x", "")]
    [InlineData("a:b", "c:d")]
    public void Parts_OfAnEncoding_AreTheParts(string first, string second) =>
        Assert.Equal([first, second], ScopeKey.Parts(ScopeKey.Of(first, second))!);

    [Fact]
    public void Parts_MissingPart_IsNull() => Assert.Equal(["a", null], ScopeKey.Parts(ScopeKey.Of("a", null))!);

    [Theory]
    [InlineData("5:abc")]
    [InlineData("x:abc")]
    [InlineData(":abc")]
    public void Parts_NotAnEncoding_IsNull(string text) => Assert.Null(ScopeKey.Parts(text));
}
