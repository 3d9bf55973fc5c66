namespace Gateway.Edge;

/// <summary>
/// Who is calling, once authentication has run: set as a typed request feature
/// (<c>context.Features.Set(caller)</c>, read with <c>context.Features.Get&lt;Caller&gt;()</c>), never in
/// <c>HttpContext.Items</c>. Rate limiting partitions by <see cref="Id"/> and applies <see cref="Plan"/>;
/// customer scoping asks <see cref="ActsFor"/>.
/// </summary>
/// <param name="Id">Stable partition key: <c>partner:{partnerId}</c>, <c>app:{subject}</c>, <c>admin</c> or <c>anonymous:{address}</c>.</param>
/// <param name="CustomerIds">The customer accounts the caller acts for; null means every account (admin only).</param>
public sealed record Caller(
    string Id,
    CallerKind Kind,
    IReadOnlySet<string> Scopes,
    IReadOnlySet<string>? CustomerIds,
    PartnerPlan Plan)
{
    const string PartnerPrefix = "partner:";

    /// <summary>The partner's id (<c>Id</c> without <c>partner:</c>) for a partner; null for every other caller.</summary>
    public string? PartnerId => Kind == CallerKind.Partner && Id.StartsWith(PartnerPrefix, StringComparison.Ordinal) ? Id[PartnerPrefix.Length..] : null;

    public bool HasScope(string scope) => Scopes.Contains(scope) || Scopes.Contains(Edge.Scopes.Admin);

    /// <summary>False for a customer the caller does not act for; callers then answer 404, exactly as for an unknown customer.</summary>
    public bool ActsFor(string customerId) => CustomerIds is null || CustomerIds.Contains(customerId);
}

/// <summary>How the caller proved who it is.</summary>
public enum CallerKind
{
    Partner,
    StorefrontApp,
    Admin,

    /// <summary>No credential, where <c>Auth:Anonymous:Scopes</c> opens the public catalog; acts for no customer.</summary>
    Anonymous,
}

/// <summary>A partner's plan: a sustained rate with a burst, and a quota per UTC day.</summary>
public sealed record PartnerPlan(int RequestsPerSecond, int Burst, long DailyQuota);

/// <summary>The scopes of the contract; each maps to an authorization policy of the same name.</summary>
public static class Scopes
{
    public const string CatalogRead = "catalog:read";
    public const string PricingRead = "pricing:read";
    public const string InventoryRead = "inventory:read";
    public const string OrdersRead = "orders:read";
    public const string OrdersWrite = "orders:write";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [CatalogRead, PricingRead, InventoryRead, OrdersRead, OrdersWrite, Admin];
}
