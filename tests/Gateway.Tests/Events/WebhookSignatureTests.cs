using System.Security.Cryptography;
using System.Text;
using Gateway.Events;

namespace Gateway.Tests.Events;

public sealed class WebhookSignatureTests
{
    const string Secret = "s3cret";
    static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"eventId":"e"}""");

    static string Signature(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    [Fact]
    public void IsValid_SignedWithTheSecret_True() => Assert.True(WebhookSignature.IsValid(Body, Signature(Body, Secret), Secret));

    [Fact]
    public void IsValid_UpperCaseHex_True() => Assert.True(WebhookSignature.IsValid(Body, "sha256=" + Signature(Body, Secret)[7..].ToUpperInvariant(), Secret));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=abcdef")]
    [InlineData("sha256=zz")]
    public void IsValid_MalformedHeader_False(string? header) => Assert.False(WebhookSignature.IsValid(Body, header, Secret));

    [Fact]
    public void IsValid_OtherSecret_False() => Assert.False(WebhookSignature.IsValid(Body, Signature(Body, "other"), Secret));

    [Fact]
    public void IsValid_NoSecretConfigured_False() => Assert.False(WebhookSignature.IsValid(Body, Signature(Body, ""), null));
}
