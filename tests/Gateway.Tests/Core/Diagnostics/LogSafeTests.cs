using Gateway.Core.Diagnostics;
using Gateway.Edge.ApiKeys;

namespace Gateway.Tests.Core.Diagnostics;

public sealed class LogSafeTests
{
    [Theory]
    [InlineData("C0001")]
    [InlineData("ptn_0123456789ab")]
    [InlineData("app:storefront-1")]
    [InlineData("Müller & Söhne 🚚")]
    public void Text_PrintableShortText_ReturnsTheSameInstance(string value)
    {
        var sut = LogSafe.Text(value);

        Assert.Same(value, sut);
    }

    [Fact]
    public void Text_Null_StaysNull()
    {
        Assert.Null(LogSafe.Text(null));
    }

    [Theory]
    [InlineData("C1\r\nINFO forged line", "C1\\u000d\\u000aINFO forged line")]
    [InlineData("a\tb\0c\u001b[31m", "a\\u0009b\\u0000c\\u001b[31m")]
    [InlineData("x\u2028y\u2029z\u0085", "x\\u2028y\\u2029z\\u0085")]
    [InlineData("abc\u202Efdp.exe", "abc\\u202efdp.exe")]
    [InlineData("zero\u200Bwidth", "zero\\u200bwidth")]
    public void Text_ControlFormatAndSeparatorCharacters_AreEscaped(string value, string expected)
    {
        var sut = LogSafe.Text(value);

        Assert.Equal(expected, sut);
    }

    [Fact]
    public void Text_LoneSurrogate_IsEscaped()
    {
        var sut = LogSafe.Text("lone" + '\uD800' + "surrogate");

        Assert.Equal("lone\\ud800surrogate", sut);
    }

    [Fact]
    public void Text_FullPartnerKey_KeepsTheKeyIdAndMasksTheSecret()
    {
        var (keyId, key) = PartnerKeyFormat.Generate();

        var sut = LogSafe.Text($"pasted {key} by mistake");

        Assert.Equal($"pasted gw_{keyId}_{LogSafe.MaskedSecret} by mistake", sut);
        Assert.DoesNotContain(key[^43..], sut, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_KeyAmongControlCharactersAndPastTheBound_IsMaskedBeforeItIsCut()
    {
        var (_, key) = PartnerKeyFormat.Generate();

        var sut = LogSafe.Text(new string('x', 100) + "\n" + key);

        Assert.DoesNotContain(key[^43..^30], sut, StringComparison.Ordinal);
        Assert.True(sut.Length <= LogSafe.MaxLength + 1, sut);
    }

    [Fact]
    public void Text_KeyPrefixWithoutAFullSecret_IsLeftAsItIs()
    {
        const string notAKey = "gw_0123456789abcdef_short";

        var sut = LogSafe.Text(notAKey);

        Assert.Equal(notAKey, sut);
    }

    [Fact]
    public void Text_LongerThanTheBound_IsCutWithAnEllipsis()
    {
        var sut = LogSafe.Text(new string('a', 10_000));

        Assert.Equal(new string('a', LogSafe.MaxLength) + "…", sut);
    }

    [Fact]
    public void Text_EscapesNearTheBound_NeverSplitAnEscapeOrASurrogatePair()
    {
        var sut = LogSafe.Text(new string('a', LogSafe.MaxLength - 3) + "\n🚚🚚");

        Assert.Equal(new string('a', LogSafe.MaxLength - 3) + "…", sut);
    }
}
