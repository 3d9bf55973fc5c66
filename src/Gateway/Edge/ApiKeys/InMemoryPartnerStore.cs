using System.Collections.Concurrent;

namespace Gateway.Edge.ApiKeys;

/// <summary>The embedded store: one instance, lost on restart.</summary>
internal sealed class InMemoryPartnerStore : IPartnerStore
{
    readonly ConcurrentDictionary<string, Partner> _partners = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, PartnerKey> _keys = new(StringComparer.Ordinal);

    public Task SavePartnerAsync(Partner partner, CancellationToken cancellationToken)
    {
        _partners[partner.PartnerId] = partner;
        return Task.CompletedTask;
    }

    public Task<Partner?> FindPartnerAsync(string partnerId, CancellationToken cancellationToken) =>
        Task.FromResult(_partners.GetValueOrDefault(partnerId));

    public Task SaveKeyAsync(PartnerKey key, CancellationToken cancellationToken)
    {
        _keys[key.KeyId] = key;
        return Task.CompletedTask;
    }

    public Task<PartnerKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken) =>
        Task.FromResult(_keys.GetValueOrDefault(keyId));

    public Task<IReadOnlyList<PartnerKey>> KeysOfAsync(string partnerId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PartnerKey>>([.. _keys.Values.Where(k => k.PartnerId == partnerId).OrderBy(k => k.CreatedAt)]);
}
