using System.Security.Claims;

namespace Gateway.Edge.Authentication;

/// <summary>Reads the <see cref="Caller"/> out of a validated storefront JWT (claims <c>sub</c>, <c>scope</c>, <c>customer_id</c>).</summary>
internal static class StorefrontClaims
{
    public const string Subject = "sub";
    public const string Scope = "scope";
    public const string CustomerId = "customer_id";

    /// <summary>Null when the token names no subject: the limits and the audit need to know which app called.</summary>
    public static Caller? ToCaller(ClaimsPrincipal principal, PartnerPlan plan)
    {
        var subject = principal.FindFirst(Subject)?.Value;
        if (string.IsNullOrWhiteSpace(subject))
        {
            return null;
        }

        // Issuers send either one space-separated claim (RFC 8693) or one claim per scope; both read the same.
        var scopes = principal.FindAll(Scope)
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(Scopes.All.Contains)
            .ToHashSet(StringComparer.Ordinal);
        var customers = principal.FindAll(CustomerId)
            .Select(claim => claim.Value)
            .Where(value => !string.IsNullOrWhiteSpace(value))
            .ToHashSet(StringComparer.Ordinal);
        return new Caller("app:" + subject, CallerKind.StorefrontApp, scopes, customers, plan);
    }
}
