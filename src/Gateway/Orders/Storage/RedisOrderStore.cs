using Gateway.Core.Redis;
using Gateway.Orders.Exceptions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Orders.Storage;

/// <summary>
/// Orders in Redis: one hash per order (<c>doc</c>, <c>version</c>), one string per idempotency key, one hash of exception
/// entries, the hand-off stream. Acceptance is a single MULTI, conditioned on the key's in-flight marker still being ours:
/// the order, its answer, its exceptions and its stream entry exist together or not at all.
/// </summary>
internal sealed class RedisOrderStore(OrdersRedis redis, IOptions<OrdersOptions> options) : IOrderStore
{
    IDatabase Db => redis.Database;

    public async Task<KeyClaim> ClaimKeyAsync(string key, string requestHash, CancellationToken cancellationToken)
    {
        var redisKey = RedisKeys.OrderIdempotency(key);
        while (true)
        {
            var token = Guid.NewGuid().ToString("N");
            if (await Db.StringSetAsync(redisKey, KeyMarker.Format(requestHash, token), options.Value.IdempotencyInFlightTimeout, When.NotExists))
            {
                return new KeyClaim(KeyClaimOutcome.Claimed, token);
            }

            var held = await Db.StringGetAsync(redisKey);
            if (!held.IsNull)
            {
                return KeyMarker.Interpret(held.ToString(), requestHash);
            }

            // The holder's marker expired between our two commands: try to claim again.
        }
    }

    public async Task ReleaseKeyAsync(string key, string claimToken, CancellationToken cancellationToken)
    {
        var redisKey = RedisKeys.OrderIdempotency(key);
        var held = await Db.StringGetAsync(redisKey);
        if (held.IsNull || !KeyMarker.IsHeldBy(held.ToString(), claimToken))
        {
            return;
        }

        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual(redisKey, held));
        _ = transaction.KeyDeleteAsync(redisKey);
        await transaction.ExecuteAsync();
    }

    public async Task<bool> AcceptAsync(Acceptance acceptance, CancellationToken cancellationToken)
    {
        var key = RedisKeys.OrderIdempotency(acceptance.IdempotencyKey);
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual(key, KeyMarker.Format(acceptance.Answer.RequestHash, acceptance.ClaimToken)));
        _ = transaction.StringSetAsync(key, OrderJson.Write(acceptance.Answer), options.Value.IdempotencyKeyLifetime);
        _ = transaction.HashSetAsync(RedisKeys.Order(acceptance.Order.OrderId), Fields(acceptance.Order));
        Index(transaction, null, acceptance.Order);
        foreach (var entry in acceptance.Exceptions)
        {
            _ = transaction.HashSetAsync(RedisKeys.OrderExceptions, entry.ExceptionId, OrderJson.Write(entry));
        }

        if (acceptance.HandOff)
        {
            _ = transaction.StreamAddAsync(RedisKeys.OrderHandOff, "orderId", acceptance.Order.OrderId);
        }

        if (!await transaction.ExecuteAsync())
        {
            return false;
        }

        await AwaitReplicasAsync(key);
        return true;
    }

    /// <summary>
    /// <c>WAIT</c> on the connection that sent the acceptance, so the answer is given only once enough replicas hold it;
    /// too few in time is a store outage (503). On a cluster the order's slot names the primary to ask.
    /// </summary>
    async Task AwaitReplicasAsync(RedisKey key)
    {
        var wanted = options.Value.ReplicaAcknowledgements;
        if (wanted == 0)
        {
            return;
        }

        var timeout = (long)options.Value.ReplicaAcknowledgeTimeout.TotalMilliseconds;
        long acknowledged;
        try
        {
            acknowledged = (long)await redis.PrimaryOf(key).ExecuteAsync("WAIT", wanted, timeout);
        }
        catch (RedisServerException refused)
        {
            // Asked of a server a failover has just demoted ("WAIT cannot be used with replica instances"): not known
            // to be held by a replica, so not answered 202; the order stays under its key for a retry to replay.
            throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "The order's replicas could not be asked.", refused);
        }

        if (acknowledged < wanted)
        {
            throw new RedisTimeoutException($"The order was acknowledged by {acknowledged} of {wanted} replicas.", CommandStatus.Sent);
        }
    }

    public async Task<bool> AnswerKeyAsync(string key, string claimToken, StoredAnswer answer, CancellationToken cancellationToken)
    {
        var redisKey = RedisKeys.OrderIdempotency(key);
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual(redisKey, KeyMarker.Format(answer.RequestHash, claimToken)));
        _ = transaction.StringSetAsync(redisKey, OrderJson.Write(answer), options.Value.IdempotencyKeyLifetime);
        return await transaction.ExecuteAsync();
    }

    public async Task<OrderRecord?> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        var doc = await Db.HashGetAsync(RedisKeys.Order(orderId), "doc");
        return doc.IsNull ? null : OrderJson.Read<OrderRecord>(doc.ToString());
    }

    public async Task<bool> TryReplaceAsync(OrderRecord current, OrderRecord next, CancellationToken cancellationToken)
    {
        var key = RedisKeys.Order(current.OrderId);
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.HashEqual(key, "version", current.Version));
        _ = transaction.HashSetAsync(key, Fields(next));
        Index(transaction, current, next);
        if (next.Order.ErpOrderNumber is { } number && number != current.Order.ErpOrderNumber)
        {
            _ = transaction.StringSetAsync(RedisKeys.OrderByErpNumber(number), next.OrderId);
        }

        return await transaction.ExecuteAsync();
    }

    public async Task<string?> FindByErpOrderNumberAsync(string erpOrderNumber, CancellationToken cancellationToken) =>
        await Db.StringGetAsync(RedisKeys.OrderByErpNumber(erpOrderNumber)) is { IsNull: false } id ? id.ToString() : null;

    public Task AddExceptionAsync(ExceptionEntry entry, CancellationToken cancellationToken) =>
        Db.HashSetAsync(RedisKeys.OrderExceptions, entry.ExceptionId, OrderJson.Write(entry));

    public async Task<IReadOnlyList<ExceptionEntry>> ListExceptionsAsync(CancellationToken cancellationToken) =>
        [.. (await Db.HashValuesAsync(RedisKeys.OrderExceptions)).Select(v => OrderJson.Read<ExceptionEntry>(v.ToString()))];

    public async Task<ExceptionEntry?> GetExceptionAsync(string exceptionId, CancellationToken cancellationToken) =>
        await Db.HashGetAsync(RedisKeys.OrderExceptions, exceptionId) is { IsNull: false } json ? OrderJson.Read<ExceptionEntry>(json.ToString()) : null;

    public async Task<bool> TryReplaceExceptionAsync(ExceptionEntry current, ExceptionEntry next, CancellationToken cancellationToken)
    {
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.HashEqual(RedisKeys.OrderExceptions, current.ExceptionId, OrderJson.Write(current)));
        _ = transaction.HashSetAsync(RedisKeys.OrderExceptions, next.ExceptionId, OrderJson.Write(next));
        return await transaction.ExecuteAsync();
    }

    public async Task<IReadOnlyDictionary<OrderStatus, long>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        var batch = Db.CreateBatch();
        var counts = OrderStatusIndex.Tracked.Select(status => (status, batch.SortedSetLengthAsync(RedisKeys.OrdersInStatus(status.ToString())))).ToList();
        batch.Execute();
        var result = new Dictionary<OrderStatus, long>();
        foreach (var (status, count) in counts)
        {
            result[status] = await count;
        }

        return result;
    }

    public async Task<StatusSlice> InStatusSinceAsync(OrderStatus status, DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        var key = RedisKeys.OrdersInStatus(status.ToString());
        var stop = before.ToUnixTimeMilliseconds();
        var count = await Db.SortedSetLengthAsync(key, double.NegativeInfinity, stop);
        var oldest = count == 0 ? [] : await Db.SortedSetRangeByScoreWithScoresAsync(key, double.NegativeInfinity, stop, take: max);
        var orders = new List<OrderInStatus>(oldest.Length);
        foreach (var entry in oldest)
        {
            // The index may name an order that moved on a moment ago: what the order itself says wins.
            if (await GetAsync(entry.Element.ToString(), cancellationToken) is { } order && order.Status == status)
            {
                orders.Add(new OrderInStatus(order.OrderId, order.Order.CustomerId, status, OrderStatusIndex.Since(order.Order)));
            }
        }

        return new StatusSlice(count, orders);
    }

    /// <summary>Moves the order between the status sets in the same transaction as its write.</summary>
    static void Index(ITransaction transaction, OrderRecord? current, OrderRecord next)
    {
        if (current is not null && current.Status == next.Status)
        {
            return;
        }

        if (current is not null && OrderStatusIndex.IsTracked(current.Status))
        {
            _ = transaction.SortedSetRemoveAsync(RedisKeys.OrdersInStatus(current.Status.ToString()), current.OrderId);
        }

        if (OrderStatusIndex.IsTracked(next.Status))
        {
            _ = transaction.SortedSetAddAsync(RedisKeys.OrdersInStatus(next.Status.ToString()), next.OrderId, OrderStatusIndex.Since(next.Order).ToUnixTimeMilliseconds());
        }
    }

    static HashEntry[] Fields(OrderRecord order) => [new("doc", OrderJson.Write(order)), new("version", order.Version)];
}
