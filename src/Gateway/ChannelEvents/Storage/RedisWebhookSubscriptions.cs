using System.Text.Json;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.ChannelEvents.Storage;

/// <summary>The directory in Redis: a hash of endpoints and a set per owner, both in the <c>{webhooks}</c> slot.</summary>
internal sealed class RedisWebhookSubscriptions(RedisConnection connection) : IWebhookSubscriptions
{
    // KEYS[1] endpoints hash, KEYS[2] the owner's set; ARGV: id, json, max. The count and the write in one step, so
    // concurrent registrations cannot pass the cap together.
    const string Add = """
        if redis.call('SCARD', KEYS[2]) >= tonumber(ARGV[3]) then
          return 0
        end
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('SADD', KEYS[2], ARGV[1])
        return 1
        """;

    public async Task<bool> TryAddAsync(WebhookEndpoint endpoint, int maxPerOwner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var db = await connection.DatabaseAsync();
        var added = await db.ScriptEvaluateAsync(Add, [RedisKeys.WebhookEndpoints, RedisKeys.WebhookOwner(endpoint.Owner.Key)],
            [endpoint.WebhookId, Serialize(endpoint), maxPerOwner]);
        return (long)added == 1;
    }

    public async Task<WebhookEndpoint?> FindAsync(string webhookId, CancellationToken cancellationToken)
    {
        var json = await (await connection.DatabaseAsync()).HashGetAsync(RedisKeys.WebhookEndpoints, webhookId);
        return json.IsNullOrEmpty ? null : Deserialize(json!);
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> AllAsync(CancellationToken cancellationToken)
    {
        var entries = await (await connection.DatabaseAsync()).HashValuesAsync(RedisKeys.WebhookEndpoints);
        return [.. entries.Select(e => Deserialize(e!))];
    }

    public async Task ReplaceAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        await (await connection.DatabaseAsync()).HashSetAsync(RedisKeys.WebhookEndpoints, endpoint.WebhookId, Serialize(endpoint), When.Exists);
    }

    public async Task RemoveAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var transaction = (await connection.DatabaseAsync()).CreateTransaction();
        _ = transaction.HashDeleteAsync(RedisKeys.WebhookEndpoints, endpoint.WebhookId);
        _ = transaction.SetRemoveAsync(RedisKeys.WebhookOwner(endpoint.Owner.Key), endpoint.WebhookId);
        await transaction.ExecuteAsync();
    }

    static string Serialize(WebhookEndpoint endpoint) => JsonSerializer.Serialize(endpoint, ChannelEventTypes.Json);

    static WebhookEndpoint Deserialize(string json) => JsonSerializer.Deserialize<WebhookEndpoint>(json, ChannelEventTypes.Json)!;
}
