using System.Security.Cryptography;

namespace Gateway.Edge.ApiKeys;

/// <summary>
/// Checks a presented <c>X-Api-Key</c>. Every key, well-formed or not, is hashed and compared in fixed time against a
/// stored hash or, when there is none, a dummy: a malformed, unknown or revoked key costs what a good one costs.
/// </summary>
internal sealed class PartnerKeyVerifier(PartnerKeyCache cache, TimeProvider time) : IPartnerKeyVerifier
{
    static readonly byte[] DummyHash = SHA256.HashData(RandomNumberGenerator.GetBytes(32));

    public async ValueTask<Caller?> VerifyAsync(string presentedKey, CancellationToken cancellationToken)
    {
        var presented = Convert.FromHexString(PartnerKeyFormat.Hash(presentedKey));
        var known = PartnerKeyFormat.TryGetKeyId(presentedKey, out var keyId) ? await cache.FindAsync(keyId) : null;
        var expected = known is null ? DummyHash : Convert.FromHexString(known.Key.Hash);
        var matches = CryptographicOperations.FixedTimeEquals(presented, expected);
        return matches && known is not null && known.Key.IsLive(time.GetUtcNow()) ? known.Caller : null;
    }
}
