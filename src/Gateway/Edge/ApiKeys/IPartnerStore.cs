namespace Gateway.Edge.ApiKeys;

/// <summary>Where partners and their (hashed) keys live: Redis when <c>ConnectionStrings:Redis</c> is set, memory otherwise.</summary>
public interface IPartnerStore
{
    Task SavePartnerAsync(Partner partner, CancellationToken cancellationToken);

    Task<Partner?> FindPartnerAsync(string partnerId, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the key record.</summary>
    Task SaveKeyAsync(PartnerKey key, CancellationToken cancellationToken);

    Task<PartnerKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken);

    Task<IReadOnlyList<PartnerKey>> KeysOfAsync(string partnerId, CancellationToken cancellationToken);
}
