using System.Buffers.Text;
using Gateway.Catalog;

namespace Gateway.Tests.Catalog;

public class ProductCursorTests
{
    [Theory]
    [InlineData(0, null, null)]
    [InlineData(200, "Fasteners", null)]
    [InlineData(int.MaxValue, "Fasteners", "steel bolt")]
    public void Decode_CursorOfSameFilters_ReturnsOffset(int offset, string? category, string? text)
    {
        var sut = ProductCursor.Encode(offset, category, text);

        Assert.Equal(offset, ProductCursor.Decode(sut, category, text, out var error));
        Assert.Null(error);
    }

    [Fact]
    public void Decode_FiltersDifferOnlyInCaseAndSpaces_ReturnsOffset()
    {
        var sut = ProductCursor.Encode(50, "Fasteners", "Bolt");

        Assert.Equal(50, ProductCursor.Decode(sut, " fasteners ", "BOLT", out _));
    }

    [Theory]
    [InlineData("Tools", null)]
    [InlineData("Fasteners", "nut")]
    [InlineData(null, "bolt")]
    public void Decode_OtherFilters_Refused(string? category, string? text)
    {
        var sut = ProductCursor.Encode(50, "Fasteners", "bolt");

        Assert.Null(ProductCursor.Decode(sut, category, text, out var error));
        Assert.Contains("other filters", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("AAAA")]
    [InlineData("AQAAADL_________________")]
    [InlineData("not a cursor at all, and rather long: 0123456789012345678901234567890123456789")]
    public void Decode_Malformed_Refused(string cursor)
    {
        Assert.Null(ProductCursor.Decode(cursor, null, null, out var error));
        Assert.Contains("malformed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_OtherVersion_Refused()
    {
        var bytes = Base64Url.DecodeFromChars(ProductCursor.Encode(10, null, null));
        bytes[0] = 2;
        var sut = Base64Url.EncodeToString(bytes);

        Assert.Null(ProductCursor.Decode(sut, null, null, out var error));
        Assert.Contains("malformed", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_NegativeOffset_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProductCursor.Encode(-1, null, null));
}
