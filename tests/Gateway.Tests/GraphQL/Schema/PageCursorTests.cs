using Gateway.GraphQL.Schema;

namespace Gateway.Tests.GraphQL.Schema;

public sealed class PageCursorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(9_999)]
    public void Decode_EncodedOffset_RoundTrips(int offset) => Assert.Equal(offset, PageCursor.Decode(PageCursor.Encode(offset)));

    [Theory]
    [InlineData("")]
    [InlineData("not base64 at all!")]
    [InlineData("b2Zmc2V0Oi0x")]       // "offset:-1"
    [InlineData("aGVsbG8")]            // "hello"
    public void Decode_ForeignCursor_Null(string cursor) => Assert.Null(PageCursor.Decode(cursor));
}
