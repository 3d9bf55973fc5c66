using System.Security.Claims;
using Gateway.Edge.Scoping;

namespace Gateway.Edge.Authentication;

/// <summary>
/// Reads the <see cref="Caller"/> out of a validated storefront JWT. The contract pins <c>iss</c>, <c>aud</c>, <c>exp</c>,
/// <c>scope</c> and <c>customer_id</c>; <c>sub</c> is optional. The app is identified by <c>sub</c>, else by its OAuth
/// client (<c>client_id</c>, RFC 9068, or <c>azp</c>, OpenID Connect), else by the customers it acts for; each kind of
/// identity has its own prefix, so a subject can never be taken for a client or a customer. A storefront token never
/// grants <c>admin</c>: that scope is honoured only from the admin credential.
/// </summary>
internal static class StorefrontClaims
{
    public const string Subject = "sub";
    public const string ClientId = "client_id";
    public const string AuthorizedParty = "azp";
    public const string Scope = "scope";
    public const string CustomerId = "customer_id";

    /// <summary>Null when the token names neither a subject, a client nor a customer: the limits and the audit need to know which app called.</summary>
    public static Caller? ToCaller(ClaimsPrincipal principal, PartnerPlan plan)
    {
        // Issuers send either one space-separated claim (RFC 8693) or one claim per scope; both read the same.
        var scopes = principal.FindAll(Scope)
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(scope => scope != Scopes.Admin && Scopes.All.Contains(scope))
            .ToHashSet(StringComparer.Ordinal);
        var customers = principal.FindAll(CustomerId)
            .Select(claim => claim.Value)
            .Where(value => !string.IsNullOrWhiteSpace(value))
            .ToHashSet(StringComparer.Ordinal);
        return AppId(principal, customers) is { } id ? new Caller(id, CallerKind.StorefrontApp, scopes, customers, plan) : null;
    }

    static string? AppId(ClaimsPrincipal principal, HashSet<string> customers)
    {
        if (Named(principal, Subject) is { } subject)
        {
            return "app:" + subject;
        }

        if ((Named(principal, ClientId) ?? Named(principal, AuthorizedParty)) is { } client)
        {
            return "app-client:" + client;
        }

        return customers.Count switch
        {
            0 => null,
            1 => "app-customer:" + customers.First(),
            _ => "app-customers:" + ScopeKey.OfSet(customers),
        };
    }

    static string? Named(ClaimsPrincipal principal, string type) =>
        principal.FindFirst(type)?.Value is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
