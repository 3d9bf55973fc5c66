using Gateway.Edge;
using Gateway.Edge.ApiKeys;

namespace Gateway.Admin;

/// <summary>A partner as the admin API shows it, with its keys' metadata (never a key or its hash).</summary>
public sealed record PartnerView(
    string PartnerId,
    string Name,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> CustomerIds,
    PartnerPlan Plan,
    DateTimeOffset CreatedAt,
    IReadOnlyList<KeyView> Keys)
{
    internal static PartnerView From(Partner partner, IEnumerable<PartnerKey> keys, DateTimeOffset now) =>
        new(partner.PartnerId, partner.Name, partner.Scopes, partner.CustomerIds, partner.Plan, partner.CreatedAt,
            [.. keys.Select(key => KeyView.From(key, now))]);
}

/// <summary>What is known about a key without the key: <c>status</c> is <c>active</c>, <c>expiring</c>, <c>expired</c> or <c>revoked</c>.</summary>
public sealed record KeyView(
    string KeyId,
    string PartnerId,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    string? ReplacedBy)
{
    internal static KeyView From(PartnerKey key, DateTimeOffset now) => new(
        key.KeyId,
        key.PartnerId,
        key.RevokedAt is not null ? "revoked" : key.ExpiresAt is { } at ? (now < at ? "expiring" : "expired") : "active",
        key.CreatedAt,
        key.ExpiresAt,
        key.RevokedAt,
        key.ReplacedBy);
}

/// <summary>A freshly issued key: the only answer that ever contains <see cref="Key"/>.</summary>
public sealed record IssuedKeyView(string KeyId, string Key, string PartnerId, DateTimeOffset CreatedAt, string? Replaces, DateTimeOffset? PreviousKeyExpiresAt)
{
    internal static IssuedKeyView From(IssuedKey issued, string? replaces) =>
        new(issued.KeyId, issued.Key, issued.PartnerId, issued.CreatedAt, replaces, issued.PreviousKeyExpiresAt);

    // Records print every member; this one's key must not reach a log by accident.
    bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("KeyId = ").Append(KeyId).Append(", PartnerId = ").Append(PartnerId);
        return true;
    }
}
