using System.Globalization;
using System.Text.Json;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.ChannelEvents.Storage;

/// <summary>
/// Each endpoint's state in its own slot (<see cref="RedisKeys.Webhook"/>): <c>queue</c> a stream (entries
/// <c>id</c>, <c>type</c>, <c>body</c>), <c>attempts</c> the attempts at its head, <c>dead</c> a list of dead letters
/// (newest first), <c>health</c>, and <c>lease</c>, the instance delivering to it. Durable as Redis is: an instance
/// that dies leaves its endpoints' queues as they were, and the next holder of the lease carries on from the head.
/// </summary>
internal sealed class RedisWebhookOutbox(RedisConnection connection) : IWebhookOutbox
{
    // KEYS[1] queue; ARGV: max, id, type, body.
    const string Enqueue = """
        if redis.call('XLEN', KEYS[1]) >= tonumber(ARGV[1]) then
          return 0
        end
        redis.call('XADD', KEYS[1], '*', 'id', ARGV[2], 'type', ARGV[3], 'body', ARGV[4])
        return 1
        """;

    // KEYS[1] lease, KEYS[2] queue, KEYS[3] attempts, KEYS[4] dead; ARGV: holder, entry id, dead letter json or '', max dead.
    const string Settle = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then
          return 0
        end
        redis.call('XDEL', KEYS[2], ARGV[2])
        redis.call('DEL', KEYS[3])
        if ARGV[3] ~= '' then
          redis.call('LPUSH', KEYS[4], ARGV[3])
          redis.call('LTRIM', KEYS[4], 0, tonumber(ARGV[4]) - 1)
        end
        return 1
        """;

    // KEYS[1] lease, KEYS[2] attempts; ARGV: holder, attempts json.
    const string Fail = """
        if redis.call('GET', KEYS[1]) ~= ARGV[1] then
          return 0
        end
        redis.call('SET', KEYS[2], ARGV[2])
        return 1
        """;

    // KEYS[1] dead, KEYS[2] queue; ARGV: dead letter id, max queue length. -1: no such letter, 0: queue full, 1: queued again.
    const string Replay = """
        for _, json in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
          local letter = cjson.decode(json)
          if letter.deadLetterId == ARGV[1] then
            if redis.call('XLEN', KEYS[2]) >= tonumber(ARGV[2]) then
              return 0
            end
            redis.call('LREM', KEYS[1], 1, json)
            redis.call('XADD', KEYS[2], '*', 'id', letter.eventId, 'type', letter.type, 'body', letter.body)
            return 1
          end
        end
        return -1
        """;

    static readonly string[] Parts = ["queue", "attempts", "lease", "dead", "health"];

    static RedisKey Key(string webhookId, string part) => RedisKeys.Webhook(webhookId, part);

    public async Task<bool> EnqueueAsync(string webhookId, ProducedEvent produced, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(produced);
        var db = await connection.DatabaseAsync();
        return (long)await db.ScriptEvaluateAsync(Enqueue, [Key(webhookId, "queue")], [maxLength, produced.Id, produced.Type, produced.Body]) == 1;
    }

    public async Task<long> LengthAsync(string webhookId) => await (await connection.DatabaseAsync()).StreamLengthAsync(Key(webhookId, "queue"));

    public async Task<IReadOnlyList<string>> WithWorkAsync(IReadOnlyList<string> webhookIds)
    {
        var db = await connection.DatabaseAsync();
        var lengths = await Task.WhenAll(webhookIds.Select(id => db.StreamLengthAsync(Key(id, "queue"))));
        return [.. webhookIds.Where((_, i) => lengths[i] > 0)];
    }

    public async Task<bool> TryHoldAsync(string webhookId, string holder, TimeSpan lease) =>
        (long)await (await connection.DatabaseAsync()).ScriptEvaluateAsync(LeaseScripts.Hold, [Key(webhookId, "lease")],
            [holder, ((long)lease.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)]) == 1;

    public async Task ReleaseAsync(string webhookId, string holder) =>
        await (await connection.DatabaseAsync()).ScriptEvaluateAsync(LeaseScripts.Release, [Key(webhookId, "lease")], [holder]);

    public async Task<(QueuedEvent Event, DeliveryAttempts? Attempts)?> HeadAsync(string webhookId)
    {
        var db = await connection.DatabaseAsync();
        var head = db.StreamRangeAsync(Key(webhookId, "queue"), "-", "+", 1);
        var attempts = db.StringGetAsync(Key(webhookId, "attempts"));
        if (await head is not [var entry, ..])
        {
            return null;
        }

        var queued = new QueuedEvent(entry.Id.ToString(), entry["id"].ToString(), entry["type"].ToString(), entry["body"].ToString());
        var tried = await attempts is { IsNullOrEmpty: false } json ? JsonSerializer.Deserialize<DeliveryAttempts>(json.ToString(), ChannelEventTypes.Json) : null;
        // Attempts at an entry that is gone (settled by a holder whose lease lapsed meanwhile) are not this head's.
        return (queued, tried?.EntryId == queued.EntryId ? tried : null);
    }

    public async Task<bool> RecordFailureAsync(string webhookId, string holder, DeliveryAttempts attempts) =>
        (long)await (await connection.DatabaseAsync()).ScriptEvaluateAsync(Fail, [Key(webhookId, "lease"), Key(webhookId, "attempts")],
            [holder, JsonSerializer.Serialize(attempts, ChannelEventTypes.Json)]) == 1;

    public Task<bool> CompleteAsync(string webhookId, string holder, string entryId) => SettleAsync(webhookId, holder, entryId, "", 1);

    public Task<bool> DeadLetterAsync(string webhookId, string holder, string entryId, DeadLetter letter, int maxDeadLetters) =>
        SettleAsync(webhookId, holder, entryId, JsonSerializer.Serialize(letter, ChannelEventTypes.Json), maxDeadLetters);

    public async Task AddDeadLetterAsync(string webhookId, DeadLetter letter, int maxDeadLetters)
    {
        var transaction = (await connection.DatabaseAsync()).CreateTransaction();
        _ = transaction.ListLeftPushAsync(Key(webhookId, "dead"), JsonSerializer.Serialize(letter, ChannelEventTypes.Json));
        _ = transaction.ListTrimAsync(Key(webhookId, "dead"), 0, maxDeadLetters - 1);
        await transaction.ExecuteAsync();
    }

    public async Task<long> DeadLetterCountAsync(string webhookId) => await (await connection.DatabaseAsync()).ListLengthAsync(Key(webhookId, "dead"));

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync(string webhookId, int max)
    {
        var letters = await (await connection.DatabaseAsync()).ListRangeAsync(Key(webhookId, "dead"), 0, max - 1);
        return [.. letters.Select(l => JsonSerializer.Deserialize<DeadLetter>(l.ToString(), ChannelEventTypes.Json)!)];
    }

    public async Task<bool?> ReplayAsync(string webhookId, string deadLetterId, int maxLength) =>
        (long)await (await connection.DatabaseAsync()).ScriptEvaluateAsync(Replay, [Key(webhookId, "dead"), Key(webhookId, "queue")], [deadLetterId, maxLength]) switch
        {
            1 => true,
            0 => false,
            _ => null,
        };

    public async Task<WebhookHealth> HealthAsync(string webhookId) =>
        await (await connection.DatabaseAsync()).StringGetAsync(Key(webhookId, "health")) is { IsNullOrEmpty: false } json
            ? JsonSerializer.Deserialize<WebhookHealth>(json.ToString(), ChannelEventTypes.Json)!
            : WebhookHealth.Healthy;

    public async Task SetHealthAsync(string webhookId, WebhookHealth health) =>
        await (await connection.DatabaseAsync()).StringSetAsync(Key(webhookId, "health"), JsonSerializer.Serialize(health, ChannelEventTypes.Json));

    public async Task DeleteAsync(string webhookId) =>
        await (await connection.DatabaseAsync()).KeyDeleteAsync([.. Parts.Select(p => Key(webhookId, p))]);

    async Task<bool> SettleAsync(string webhookId, string holder, string entryId, string deadLetter, int maxDeadLetters) =>
        (long)await (await connection.DatabaseAsync()).ScriptEvaluateAsync(Settle,
            [Key(webhookId, "lease"), Key(webhookId, "queue"), Key(webhookId, "attempts"), Key(webhookId, "dead")],
            [holder, entryId, deadLetter, maxDeadLetters]) == 1;
}
