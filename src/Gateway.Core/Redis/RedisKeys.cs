using StackExchange.Redis;

namespace Gateway.Core.Redis;

/// <summary>
/// Every Redis key the gateway writes, and which entity owns which hash slot. On a Redis Cluster a command or script
/// may touch several keys only when they hash to one slot; a key hashes by its hash tag (the text between its first
/// <c>{</c> and the next <c>}</c>), so the keys that change together carry their owner's tag:
/// <list type="table">
/// <item><term><c>{instances}</c></term><description>the live gateway instances (one sorted set)</description></item>
/// <item><term><c>{&lt;partners prefix&gt;}</c></term><description>the whole partner directory: partners, keys, each partner's key set (one slot: small, read through a cache, and a key and its partner's set are written in one MULTI)</description></item>
/// <item><term><c>{&lt;caller id&gt;}</c></term><description>one caller's bucket and day counts</description></item>
/// <item><term><c>{&lt;erp&gt;}</c></term><description>one ERP's budget (bucket, sessions, pause)</description></item>
/// <item><term><c>{sku:&lt;sku&gt;}</c>, <c>{customer:&lt;id&gt;}</c></term><description>the cached values, generations and fill claims of one catalog entity, so every L2 key one change makes stale is in one slot</description></item>
/// <item><term><c>{changes}</c></term><description>the change ledger (seen event ids, applied sequences) and the change stream</description></item>
/// <item><term><c>{legacy-feed}</c></term><description>the legacy feed's lease and checkpoint (the checkpoint is written only while the lease is held)</description></item>
/// <item><term><c>{orders}</c></term><description>every order key: the acceptance MULTI writes the order, its idempotency answer, its exceptions, its status index and its hand-off entry at once</description></item>
/// <item><term><c>{webhooks}</c></term><description>the channel webhook directory: endpoints and each owner's endpoint set (one slot: small, copied by every instance, an endpoint and its owner's set are written in one script)</description></item>
/// <item><term><c>{webhook:&lt;id&gt;}</c></term><description>one endpoint's queue, attempts, lease, dead letters and health: a delivery's outcome moves them together, fenced by the lease</description></item>
/// </list>
/// The audit stream is one key and needs no tag. Every owner starts with a fixed name (a region, a caller kind, an ERP),
/// so a tag is never empty and keys built from caller input cannot fall out of their owner's slot.
/// </summary>
public static class RedisKeys
{
    /// <summary>The sorted set of live instances (<see cref="ClusterMembership"/>).</summary>
    public static readonly RedisKey Instances = "gw:{instances}";

    /// <summary>The stream of canonical change events, and the name of the channel that says it grew.</summary>
    public static readonly RedisKey ChangeStream = "gw:{changes}";

    /// <summary>How far each instance has dropped its L1 copies (one hash field per instance).</summary>
    public static readonly RedisKey ChangeDropped = "gw:{changes}:dropped";

    /// <summary>Up to which stream entry the cluster-wide drop was measured.</summary>
    public static readonly RedisKey ChangeDroppedThrough = "gw:{changes}:dropped-through";

    /// <summary>The admin audit stream (<c>XRANGE gateway:audit - +</c>).</summary>
    public static readonly RedisKey Audit = "gateway:audit";

    /// <summary>The legacy feed's lease (the instance polling it).</summary>
    public static readonly RedisKey FeedLease = "gw:{legacy-feed}:lease";

    /// <summary>The legacy feed's checkpoint (the token to resume from).</summary>
    public static readonly RedisKey FeedCheckpoint = "gw:{legacy-feed}:checkpoint";

    const string Orders = "gateway:{orders}:";

    /// <summary>Marks an ERP event id as recorded, for the replay window.</summary>
    public static RedisKey ChangeEvent(string eventId) => "gw:{changes}:event:" + eventId;

    /// <summary>The highest sequence applied for one entity and change type.</summary>
    public static RedisKey ChangeSequence(string scope) => "gw:{changes}:sequence:" + scope;

    /// <summary>A partner record of the directory under <paramref name="prefix"/>.</summary>
    public static RedisKey Partner(string prefix, string partnerId) => "{" + prefix + "}:partner:" + partnerId;

    /// <summary>The set of one partner's key ids.</summary>
    public static RedisKey PartnerKeys(string prefix, string partnerId) => "{" + prefix + "}:partner:" + partnerId + ":keys";

    /// <summary>A key record (its hash, state and expiry).</summary>
    public static RedisKey PartnerKey(string prefix, string keyId) => "{" + prefix + "}:key:" + keyId;

    /// <summary>Where one caller's limit state lives: <c>{prefix}:{callerId}:…</c>.</summary>
    public static string Caller(string prefix, string callerId) => prefix + ":{" + callerId + "}";

    /// <summary>One ERP's budget state (<paramref name="erpTag"/> is the ERP's fixed name).</summary>
    public static RedisKey ErpBudget(string prefix, string erpTag, string name) => prefix + ":{" + erpTag + "}:" + name;

    /// <summary>A cached value in L2, in its entity's slot (<paramref name="owner"/> names the entity, e.g. <c>sku:X</c>).</summary>
    public static RedisKey CacheValue(string owner, string fullKey) => "gw:cache:{" + owner + "}:" + fullKey;

    /// <summary>The generation of a cache key, bumped by each invalidation.</summary>
    public static RedisKey CacheGeneration(string owner, string fullKey) => "gw:cache-gen:{" + owner + "}:" + fullKey;

    /// <summary>The claim of the fill asking the ERP for a cache key now.</summary>
    public static RedisKey CacheClaim(string owner, string fullKey) => "gw:cache-fill:{" + owner + "}:" + fullKey;

    /// <summary>One order (hash: <c>doc</c>, <c>version</c>).</summary>
    public static RedisKey Order(string orderId) => Orders + "order:" + orderId;

    /// <summary>One idempotency key's marker or answer (<paramref name="scopedKey"/> is already scoped to its caller).</summary>
    public static RedisKey OrderIdempotency(string scopedKey) => Orders + "idempotency:" + scopedKey;

    /// <summary>The order an ERP order number belongs to.</summary>
    public static RedisKey OrderByErpNumber(string erpOrderNumber) => Orders + "erp:" + erpOrderNumber;

    /// <summary>The order exception queue (hash: exception id → entry).</summary>
    public static readonly RedisKey OrderExceptions = Orders + "exceptions";

    /// <summary>The hand-off stream (read by the consumer group of every instance).</summary>
    public static readonly RedisKey OrderHandOff = Orders + "handoff";

    /// <summary>Open orders scored by when each is next due a status check.</summary>
    public static readonly RedisKey OpenOrders = Orders + "open";

    /// <summary>The orders in one status now, scored by when they entered it (Unix ms).</summary>
    public static RedisKey OrdersInStatus(string status) => Orders + "in:" + status;

    /// <summary>The webhook endpoints (hash: webhook id → endpoint).</summary>
    public static readonly RedisKey WebhookEndpoints = "gw:{webhooks}";

    /// <summary>The ids of one owner's endpoints (<paramref name="ownerKey"/> is length-prefixed by its builder).</summary>
    public static RedisKey WebhookOwner(string ownerKey) => "gw:{webhooks}:owner:" + ownerKey;

    /// <summary>One part of an endpoint's delivery state (<c>queue</c>, <c>attempts</c>, <c>lease</c>, <c>dead</c>, <c>health</c>); the id is the gateway's own.</summary>
    public static RedisKey Webhook(string webhookId, string part) => "gw:{webhook:" + webhookId + "}:" + part;
}
