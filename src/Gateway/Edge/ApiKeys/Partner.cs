namespace Gateway.Edge.ApiKeys;

/// <summary>A partner of the distributor: what it may do (scopes), for whom (customer accounts), how much (plan).</summary>
public sealed record Partner(
    string PartnerId,
    string Name,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> CustomerIds,
    PartnerPlan Plan,
    DateTimeOffset CreatedAt)
{
    /// <summary>What a partner's <see cref="Caller.Id"/> starts with, before its <see cref="PartnerId"/>.</summary>
    public const string CallerIdPrefix = "partner:";

    /// <summary>The <see cref="Caller"/> every key of this partner authenticates as.</summary>
    public Caller ToCaller() => new(
        CallerIdPrefix + PartnerId,
        CallerKind.Partner,
        Scopes.ToHashSet(StringComparer.Ordinal),
        CustomerIds.ToHashSet(StringComparer.Ordinal),
        Plan);
}

/// <summary>
/// One API key of a partner, as stored: only the SHA-256 of the key, never the key. A rotated key carries the end of
/// its grace period in <see cref="ExpiresAt"/>; a revoked one its <see cref="RevokedAt"/>.
/// </summary>
public sealed record PartnerKey(
    string KeyId,
    string PartnerId,
    string Hash,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt = null,
    DateTimeOffset? RevokedAt = null,
    string? ReplacedBy = null)
{
    public bool IsLive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || now < ExpiresAt);
}
