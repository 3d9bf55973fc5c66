using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Gateway.Edge.Authentication;

/// <summary>
/// What a request without a credential may do (<c>Auth:Anonymous:*</c>). By default nothing: every route answers 401.
/// A public catalog may open <c>catalog:read</c> (products carry no customer's data); any other scope is refused at
/// start-up. Anonymous callers are limited per client address, with the plan below, and so are requests whose credential
/// is refused.
/// </summary>
public sealed class AnonymousOptions : IValidatableObject
{
    public const string SectionName = "Auth:Anonymous";

    /// <summary>Scopes granted without a credential: none (the default) or <c>catalog:read</c>.</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>Sustained requests per second per client address. Default: 10.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerSecond { get; set; } = 10;

    /// <summary>Requests a client address may send at once above its rate. Default: 20.</summary>
    [Range(1, 10_000_000)]
    public int Burst { get; set; } = 20;

    /// <summary>Requests per client address per UTC day. Default: 10 000.</summary>
    [Range(1, long.MaxValue)]
    public long DailyQuota { get; set; } = 10_000;

    public bool Enabled => Scopes.Length > 0;

    /// <summary>The caller a request without a credential becomes: one partition of the limits per client address.</summary>
    public Caller CallerFor(IPAddress? address) => ByAddress("anonymous:", address, Scopes);

    /// <summary>
    /// The partition requests with a refused credential are limited in: this plan per client address, but apart from the
    /// anonymous caller of the same address (refusals do not spend a public catalog's reads) and with nothing granted.
    /// </summary>
    public Caller RefusedCallerFor(IPAddress? address) => ByAddress("refused:", address, []);

    Caller ByAddress(string prefix, IPAddress? address, IEnumerable<string> scopes) => new(
        prefix + (address?.ToString() ?? "unknown"),
        CallerKind.Anonymous,
        new HashSet<string>(scopes, StringComparer.Ordinal),
        new HashSet<string>(StringComparer.Ordinal),
        new PartnerPlan(RequestsPerSecond, Burst, DailyQuota));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var scope in Scopes.Where(s => s != Edge.Scopes.CatalogRead))
        {
            yield return new ValidationResult(
                $"Auth:Anonymous:Scopes may only grant '{Edge.Scopes.CatalogRead}'; '{scope}' reaches customer data or changes state.",
                [nameof(Scopes)]);
        }
    }
}
