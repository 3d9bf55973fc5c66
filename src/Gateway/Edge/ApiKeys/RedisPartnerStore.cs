using System.Text.Json;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Edge.ApiKeys;

/// <summary>
/// Partners and keys as JSON strings in Redis (<c>{prefix}:partner:id</c>, <c>{prefix}:key:keyId</c>), plus a set of
/// each partner's key ids, all in the directory's one hash slot (<see cref="RedisKeys"/>), so a key and its partner's
/// set are written in one MULTI and a partner's keys read in one MGET, on a Redis Cluster too. Shared by every instance; what they cache is invalidated through <see cref="KeyInvalidation"/>.
/// </summary>
internal sealed class RedisPartnerStore(RedisConnection redis, ApiKeysOptions options) : IPartnerStore
{
    static readonly JsonSerializerOptions Json = JsonSerializerOptions.Web;

    RedisKey PartnerRecord(string partnerId) => RedisKeys.Partner(options.KeyPrefix, partnerId);

    RedisKey KeyRecord(string keyId) => RedisKeys.PartnerKey(options.KeyPrefix, keyId);

    RedisKey KeysOfKey(string partnerId) => RedisKeys.PartnerKeys(options.KeyPrefix, partnerId);

    public async Task SavePartnerAsync(Partner partner, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync();
        await db.StringSetAsync(PartnerRecord(partner.PartnerId), JsonSerializer.Serialize(partner, Json));
    }

    public async Task<Partner?> FindPartnerAsync(string partnerId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync();
        var json = await db.StringGetAsync(PartnerRecord(partnerId));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<Partner>(json.ToString(), Json);
    }

    public async Task SaveKeyAsync(PartnerKey key, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync();
        var batch = db.CreateTransaction();
        _ = batch.StringSetAsync(KeyRecord(key.KeyId), JsonSerializer.Serialize(key, Json));
        _ = batch.SetAddAsync(KeysOfKey(key.PartnerId), key.KeyId);
        await batch.ExecuteAsync();
    }

    public async Task<PartnerKey?> FindKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync();
        var json = await db.StringGetAsync(KeyRecord(keyId));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<PartnerKey>(json.ToString(), Json);
    }

    public async Task<IReadOnlyList<PartnerKey>> KeysOfAsync(string partnerId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync();
        var ids = await db.SetMembersAsync(KeysOfKey(partnerId));
        if (ids.Length == 0)
        {
            return [];
        }

        var values = await db.StringGetAsync([.. ids.Select(id => KeyRecord(id.ToString()))]);
        return [.. values.Where(v => !v.IsNullOrEmpty)
            .Select(v => JsonSerializer.Deserialize<PartnerKey>(v.ToString(), Json)!)
            .OrderBy(k => k.CreatedAt)];
    }
}
