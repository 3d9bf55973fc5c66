using System.Security.Cryptography;
using System.Text;

namespace Gateway.Edge.ApiKeys;

/// <summary>
/// Creates partners and issues, rotates and revokes their keys. A key leaves this class once, in the
/// <see cref="IssuedKey"/> the admin API returns; only its hash is stored, and every change reaches every instance's cache.
/// </summary>
internal sealed class PartnerDirectory(IPartnerStore store, KeyInvalidation invalidation, ApiKeysOptions options, TimeProvider time)
{
    public async Task<Partner> CreatePartnerAsync(
        string name, IReadOnlyList<string> scopes, IReadOnlyList<string> customerIds, PartnerPlan plan, CancellationToken cancellationToken)
    {
        var partnerId = "ptn_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var partner = new Partner(partnerId, name, scopes, customerIds, plan, time.GetUtcNow());
        await store.SavePartnerAsync(partner, cancellationToken);
        return partner;
    }

    public Task<Partner?> FindPartnerAsync(string partnerId, CancellationToken cancellationToken) => store.FindPartnerAsync(partnerId, cancellationToken);

    public Task<IReadOnlyList<PartnerKey>> KeysOfAsync(string partnerId, CancellationToken cancellationToken) => store.KeysOfAsync(partnerId, cancellationToken);

    /// <summary>A new key for the partner; null when the partner does not exist.</summary>
    public async Task<IssuedKey?> IssueAsync(string partnerId, CancellationToken cancellationToken)
    {
        if (await store.FindPartnerAsync(partnerId, cancellationToken) is null)
        {
            return null;
        }

        var (keyId, key) = PartnerKeyFormat.Generate();
        var record = new PartnerKey(keyId, partnerId, PartnerKeyFormat.Hash(key), time.GetUtcNow());
        await store.SaveKeyAsync(record, cancellationToken);
        await invalidation.PublishAsync(keyId);
        return new IssuedKey(keyId, key, partnerId, record.CreatedAt, null);
    }

    /// <summary>
    /// A new key replacing <paramref name="keyId"/>, which keeps working for <see cref="ApiKeysOptions.RotationGrace"/>;
    /// null when the key does not exist or no longer works.
    /// </summary>
    public async Task<IssuedKey?> RotateAsync(string keyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (await store.FindKeyAsync(keyId, cancellationToken) is not { } old || !old.IsLive(now))
        {
            return null;
        }

        var replacement = await IssueAsync(old.PartnerId, cancellationToken);
        if (replacement is null)
        {
            return null;
        }

        var lapses = now + options.RotationGrace;
        var expiresAt = old.ExpiresAt is { } earlier && earlier < lapses ? earlier : lapses;
        await store.SaveKeyAsync(old with { ExpiresAt = expiresAt, ReplacedBy = replacement.KeyId }, cancellationToken);
        await invalidation.PublishAsync(keyId);
        return replacement with { PreviousKeyExpiresAt = expiresAt };
    }

    /// <summary>Revokes the key on every instance; false when it does not exist. Revoking twice is harmless.</summary>
    public async Task<PartnerKey?> RevokeAsync(string keyId, CancellationToken cancellationToken)
    {
        if (await store.FindKeyAsync(keyId, cancellationToken) is not { } key)
        {
            return null;
        }

        var revoked = key.RevokedAt is null ? key with { RevokedAt = time.GetUtcNow() } : key;
        await store.SaveKeyAsync(revoked, cancellationToken);
        await invalidation.PublishAsync(keyId);
        return revoked;
    }
}

/// <summary>A key as issued: the only place the key itself exists. <see cref="object.ToString"/> never shows it.</summary>
internal sealed record IssuedKey(string KeyId, string Key, string PartnerId, DateTimeOffset CreatedAt, DateTimeOffset? PreviousKeyExpiresAt)
{
    bool PrintMembers(StringBuilder builder)
    {
        builder.Append("KeyId = ").Append(KeyId).Append(", PartnerId = ").Append(PartnerId);
        return true;
    }
}
