using System.ComponentModel.DataAnnotations;
using System.Text;

namespace Gateway.Edge.Authentication;

/// <summary>
/// Validation of storefront JWTs (<c>Auth:Jwt:*</c>): issuer, audience, lifetime and signature, with either a shared
/// HS256 key (the demo) or the issuer's JWKS (key rotation). Default: nothing configured, every bearer JWT is refused.
/// </summary>
public sealed class JwtOptions : IValidatableObject
{
    public const string SectionName = "Auth:Jwt";

    /// <summary>HS256 needs a key of at least 256 bits; shorter keys are refused at start-up.</summary>
    public const int MinSigningKeyBytes = 32;

    /// <summary>The <c>iss</c> every token must carry. Default: none.</summary>
    public string? Issuer { get; set; }

    /// <summary>The <c>aud</c> every token must carry. Default: none.</summary>
    public string? Audience { get; set; }

    /// <summary>The shared HS256 key (demo and tests). Default: none.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Where the issuer publishes its signing keys (JSON Web Key Set). Default: none.</summary>
    [Url]
    public string? JwksUrl { get; set; }

    /// <summary>Whether <see cref="JwksUrl"/> must be HTTPS. Default: true.</summary>
    public bool JwksRequireHttps { get; set; } = true;

    /// <summary>
    /// Shortest time between two JWKS fetches when a token names an unknown key (the issuer rotated). Default: 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tolerated clock difference with the issuer for <c>exp</c> and <c>nbf</c>. Default: 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when storefront JWTs can be validated at all.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Issuer);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var anySet = !string.IsNullOrWhiteSpace(Issuer) || !string.IsNullOrWhiteSpace(Audience)
            || !string.IsNullOrEmpty(SigningKey) || !string.IsNullOrWhiteSpace(JwksUrl);
        if (!anySet)
        {
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Issuer))
        {
            yield return new ValidationResult("Auth:Jwt:Issuer is required once JWTs are configured.", [nameof(Issuer)]);
        }

        if (string.IsNullOrWhiteSpace(Audience))
        {
            yield return new ValidationResult("Auth:Jwt:Audience is required once JWTs are configured.", [nameof(Audience)]);
        }

        var hasKey = !string.IsNullOrEmpty(SigningKey);
        var hasJwks = !string.IsNullOrWhiteSpace(JwksUrl);
        if (hasKey == hasJwks)
        {
            yield return new ValidationResult("Set exactly one of Auth:Jwt:SigningKey and Auth:Jwt:JwksUrl.", [nameof(SigningKey), nameof(JwksUrl)]);
        }
        else if (hasKey && Encoding.UTF8.GetByteCount(SigningKey!) < MinSigningKeyBytes)
        {
            yield return new ValidationResult($"Auth:Jwt:SigningKey must be at least {MinSigningKeyBytes} bytes for HS256.", [nameof(SigningKey)]);
        }
        else if (hasJwks && JwksRequireHttps && !JwksUrl!.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult("Auth:Jwt:JwksUrl must be HTTPS (or set Auth:Jwt:JwksRequireHttps=false).", [nameof(JwksUrl)]);
        }
    }
}
