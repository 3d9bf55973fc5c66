using Gateway.Core.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Orders.Storage;

/// <summary>
/// The hand-off stream read by a consumer group that every instance joins. An entry stays pending (in the group's PEL)
/// until <see cref="CompleteAsync"/>: an instance that dies leaves its entries pending, and after
/// <see cref="OrdersOptions.HandOffClaimIdle"/> another instance takes them over with XAUTOCLAIM.
/// </summary>
internal sealed class RedisHandOffQueue(OrdersRedis redis, IOptions<OrdersOptions> options) : IHandOffQueue
{
    const string Group = "handoff";

    volatile bool _groupExists;

    IDatabase Db => redis.Database;

    public Task EnqueueAsync(string orderId, CancellationToken cancellationToken) =>
        Db.StreamAddAsync(RedisKeys.OrderHandOff, "orderId", orderId);

    public async Task<IReadOnlyList<HandOffEntry>> TakeAsync(int max, CancellationToken cancellationToken)
    {
        await EnsureGroupAsync();
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

    /// <summary>Resets the entry's idle time while this instance is still working on it (waiting out an ERP outage).</summary>
    public Task KeepAsync(HandOffEntry entry, CancellationToken cancellationToken) =>
        Db.StreamClaimIdsOnlyAsync(RedisKeys.OrderHandOff, Group, redis.ConsumerName, 0, [entry.EntryId]);

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
