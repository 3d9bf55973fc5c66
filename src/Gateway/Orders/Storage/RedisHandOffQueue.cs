using Gateway.Core.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Orders.Storage;

/// <summary>
/// The hand-off stream read by a consumer group that every instance joins. An entry stays pending (in the group's PEL)
/// until <see cref="CompleteAsync"/>: its taker renews it while working on it, an instance that dies leaves its entries
/// pending, and once one has gone <see cref="OrdersOptions.HandOffClaimIdle"/> without renewal another instance takes it
/// over with XAUTOCLAIM. A stopping instance releases what it cannot finish, for the others to take at once.
/// </summary>
internal sealed class RedisHandOffQueue(OrdersRedis redis, IOptions<OrdersOptions> options) : IHandOffQueue
{
    const string Group = "handoff";

    // KEYS[1] the stream; ARGV: group, consumer, idle ms, ids. Sets the idle time of each id this consumer still owns; an
    // entry another instance has taken over meanwhile stays with it (XCLAIM alone would take it back).
    const string SetIdle = """
        local owned = 0
        for i = 4, #ARGV do
          if #redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[i], ARGV[i], 1, ARGV[2]) == 1 then
            redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[i], 'IDLE', ARGV[3], 'JUSTID')
            owned = owned + 1
          end
        end
        return owned
        """;

    volatile bool _groupExists;

    IDatabase Db => redis.Database;

    public Task EnqueueAsync(string orderId, CancellationToken cancellationToken) =>
        Db.StreamAddAsync(RedisKeys.OrderHandOff, "orderId", orderId);

    public async Task<IReadOnlyList<HandOffEntry>> TakeAsync(int max, CancellationToken cancellationToken)
    {
        await EnsureGroupAsync();
        try
        {
            return await TakeFromGroupAsync(max);
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            // The stream was lost (a Redis restarted without persistence, a flush): the group is created again on the next
            // take instead of every later take failing the same way.
            _groupExists = false;
            throw;
        }
    }

    async Task<IReadOnlyList<HandOffEntry>> TakeFromGroupAsync(int max)
    {
        var idle = (long)options.Value.HandOffClaimIdle.TotalMilliseconds;
        // Abandoned entries first: they are the oldest orders, and new ones would otherwise starve them.
        var claimed = await Db.StreamAutoClaimAsync(RedisKeys.OrderHandOff, Group, redis.ConsumerName, idle, "0-0", max);
        var entries = claimed.ClaimedEntries.Select(ToEntry).ToList();
        if (claimed.DeletedIds.Length > 0)
        {
            // Pending ids whose entry is gone carry no order; acknowledging them keeps the PEL clean.
            await Db.StreamAcknowledgeAsync(RedisKeys.OrderHandOff, Group, claimed.DeletedIds);
        }

        if (entries.Count < max)
        {
            var fresh = await Db.StreamReadGroupAsync(RedisKeys.OrderHandOff, Group, redis.ConsumerName, StreamPosition.NewMessages, max - entries.Count);
            entries.AddRange(fresh.Select(ToEntry));
        }

        return entries;
    }

    /// <summary>Acknowledged and deleted together: the order itself lives in its own key, the stream only holds work to do.</summary>
    public async Task CompleteAsync(HandOffEntry entry, CancellationToken cancellationToken)
    {
        var transaction = Db.CreateTransaction();
        _ = transaction.StreamAcknowledgeAsync(RedisKeys.OrderHandOff, Group, entry.EntryId);
        _ = transaction.StreamDeleteAsync(RedisKeys.OrderHandOff, [entry.EntryId]);
        await transaction.ExecuteAsync();
    }

    /// <summary>Resets the idle time of the entries this instance still owns (one round trip for all of them).</summary>
    public Task RenewAsync(IReadOnlyCollection<HandOffEntry> entries, CancellationToken cancellationToken) =>
        entries.Count == 0 ? Task.CompletedTask : SetIdleAsync(0, [.. entries.Select(e => (RedisValue)e.EntryId)]);

    /// <summary>Marks the entry idle for the whole claim time, so the next XAUTOCLAIM of any instance takes it over.</summary>
    public Task ReleaseAsync(HandOffEntry entry, CancellationToken cancellationToken) =>
        SetIdleAsync((long)options.Value.HandOffClaimIdle.TotalMilliseconds, [entry.EntryId]);

    Task<RedisResult> SetIdleAsync(long idleMs, RedisValue[] ids) =>
        Db.ScriptEvaluateAsync(SetIdle, [RedisKeys.OrderHandOff], [Group, redis.ConsumerName, idleMs, .. ids]);

    async Task EnsureGroupAsync()
    {
        if (_groupExists)
        {
            return;
        }

        try
        {
            // From the beginning: orders written before any worker ever ran are handed off too.
            await Db.StreamCreateConsumerGroupAsync(RedisKeys.OrderHandOff, Group, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException exception) when (exception.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // Another instance (or a concurrent call here) created it first.
        }

        _groupExists = true;
    }

    static HandOffEntry ToEntry(StreamEntry entry) => new(entry.Id.ToString(), entry["orderId"].ToString());
}
