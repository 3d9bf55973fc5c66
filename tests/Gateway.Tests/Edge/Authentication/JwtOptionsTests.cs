using System.ComponentModel.DataAnnotations;
using Gateway.Edge.Authentication;

namespace Gateway.Tests.Edge.Authentication;

public sealed class JwtOptionsTests
{
    const string Key = "a-signing-key-that-is-long-enough-0123456789";

    static List<ValidationResult> Validate(JwtOptions options) => OptionsValidation.Validate(options);

    [Fact]
    public void Validate_NothingConfigured_IsValid() => Assert.Empty(Validate(new JwtOptions()));

    [Fact]
    public void Validate_SigningKeyWithIssuerAndAudience_IsValid() =>
        Assert.Empty(Validate(new JwtOptions { Issuer = "iss", Audience = "aud", SigningKey = Key }));

    [Fact]
    public void Validate_HttpsJwks_IsValid() =>
        Assert.Empty(Validate(new JwtOptions { Issuer = "iss", Audience = "aud", JwksUrl = "https://idp.example/jwks.json" }));

    [Theory]
    [InlineData(null, "aud", Key, null, "Issuer")]
    [InlineData("iss", null, Key, null, "Audience")]
    [InlineData("iss", "aud", "short", null, "SigningKey")]
    [InlineData("iss", "aud", null, null, "SigningKey")]
    [InlineData("iss", "aud", Key, "https://idp.example/jwks.json", "JwksUrl")]
    [InlineData("iss", "aud", null, "http://idp.example/jwks.json", "JwksUrl")]
    public void Validate_IncompleteOrUnsafe_NamesTheSetting(string? issuer, string? audience, string? key, string? jwks, string member)
    {
        var results = Validate(new JwtOptions { Issuer = issuer, Audience = audience, SigningKey = key, JwksUrl = jwks });

        Assert.Contains(results, r => r.MemberNames.Contains(member));
    }
}
