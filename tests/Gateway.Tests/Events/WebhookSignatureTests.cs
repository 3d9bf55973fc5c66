using System.Text;
using Gateway.Events;

namespace Gateway.Tests.Events;

public sealed class WebhookSignatureTests
{
    const string Secret = "s3cret";
    const string Timestamp = "1700000000";
    static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"eventId":"e"}""");

    [Fact]
    public void IsValid_SignedWithTheSecret_True() => Assert.True(WebhookSignature.IsValid(Body, ErpSigner.BodyOnly(Body, Secret), Secret));

    [Fact]
    public void IsValid_UpperCaseHex_True() => Assert.True(WebhookSignature.IsValid(Body, "sha256=" + ErpSigner.BodyOnly(Body, Secret)[7..].ToUpperInvariant(), Secret));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=abcdef")]
    [InlineData("sha256=zz")]
    public void IsValid_MalformedHeader_False(string? header) => Assert.False(WebhookSignature.IsValid(Body, header, Secret));

    [Fact]
    public void IsValid_OtherSecret_False() => Assert.False(WebhookSignature.IsValid(Body, ErpSigner.BodyOnly(Body, "other"), Secret));

    [Fact]
    public void IsValid_NoSecretConfigured_False() => Assert.False(WebhookSignature.IsValid(Body, ErpSigner.BodyOnly(Body, ""), null));

    [Fact]
    public void IsValid_TimestampedSignedWithTheSecret_True() =>
        Assert.True(WebhookSignature.IsValid(Timestamp, Body, ErpSigner.Timestamped(Timestamp, Body, Secret), Secret));

    [Fact]
    public void IsValid_TimestampedSignatureCheckedAsBodyOnly_False() =>
        Assert.False(WebhookSignature.IsValid(Body, ErpSigner.Timestamped(Timestamp, Body, Secret), Secret));

    [Fact]
    public void IsValid_BodyOnlySignatureCheckedWithATimestamp_False() =>
        Assert.False(WebhookSignature.IsValid(Timestamp, Body, ErpSigner.BodyOnly(Body, Secret), Secret));

    [Fact]
    public void IsValid_SameInstantSpelledOtherwise_False() =>
        Assert.False(WebhookSignature.IsValid("0" + Timestamp, Body, ErpSigner.Timestamped(Timestamp, Body, Secret), Secret));

    [Fact]
    public void IsValid_TimestampedWithOtherSecret_False() =>
        Assert.False(WebhookSignature.IsValid(Timestamp, Body, ErpSigner.Timestamped(Timestamp, Body, "other"), Secret));
}
