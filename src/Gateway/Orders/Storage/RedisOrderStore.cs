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
        var redisKey = OrdersRedis.Idempotency(key);
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
        var redisKey = OrdersRedis.Idempotency(key);
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
        var key = OrdersRedis.Idempotency(acceptance.IdempotencyKey);
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual(key, KeyMarker.Format(acceptance.Answer.RequestHash, acceptance.ClaimToken)));
        _ = transaction.StringSetAsync(key, OrderJson.Write(acceptance.Answer), options.Value.IdempotencyKeyLifetime);
        _ = transaction.HashSetAsync(OrdersRedis.Order(acceptance.Order.OrderId), Fields(acceptance.Order));
        foreach (var entry in acceptance.Exceptions)
        {
            _ = transaction.HashSetAsync(OrdersRedis.Exceptions, entry.ExceptionId, OrderJson.Write(entry));
        }

        if (acceptance.HandOff)
        {
            _ = transaction.StreamAddAsync(OrdersRedis.HandOff, "orderId", acceptance.Order.OrderId);
        }

        return await transaction.ExecuteAsync();
    }

    public async Task<bool> AnswerKeyAsync(string key, string claimToken, StoredAnswer answer, CancellationToken cancellationToken)
    {
        var redisKey = OrdersRedis.Idempotency(key);
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual(redisKey, KeyMarker.Format(answer.RequestHash, claimToken)));
        _ = transaction.StringSetAsync(redisKey, OrderJson.Write(answer), options.Value.IdempotencyKeyLifetime);
        return await transaction.ExecuteAsync();
    }

    public async Task<OrderRecord?> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        var doc = await Db.HashGetAsync(OrdersRedis.Order(orderId), "doc");
        return doc.IsNull ? null : OrderJson.Read<OrderRecord>(doc.ToString());
    }

    public async Task<bool> TryReplaceAsync(OrderRecord current, OrderRecord next, CancellationToken cancellationToken)
    {
        var key = OrdersRedis.Order(current.OrderId);
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.HashEqual(key, "version", current.Version));
        _ = transaction.HashSetAsync(key, Fields(next));
        if (next.Order.ErpOrderNumber is { } number && number != current.Order.ErpOrderNumber)
        {
            _ = transaction.StringSetAsync(OrdersRedis.ByErpOrderNumber(number), next.OrderId);
        }

        return await transaction.ExecuteAsync();
    }

    public async Task<string?> FindByErpOrderNumberAsync(string erpOrderNumber, CancellationToken cancellationToken) =>
        await Db.StringGetAsync(OrdersRedis.ByErpOrderNumber(erpOrderNumber)) is { IsNull: false } id ? id.ToString() : null;

    public Task AddExceptionAsync(ExceptionEntry entry, CancellationToken cancellationToken) =>
        Db.HashSetAsync(OrdersRedis.Exceptions, entry.ExceptionId, OrderJson.Write(entry));

    public async Task<IReadOnlyList<ExceptionEntry>> ListExceptionsAsync(CancellationToken cancellationToken) =>
        [.. (await Db.HashValuesAsync(OrdersRedis.Exceptions)).Select(v => OrderJson.Read<ExceptionEntry>(v.ToString()))];

    public async Task<ExceptionEntry?> GetExceptionAsync(string exceptionId, CancellationToken cancellationToken) =>
        await Db.HashGetAsync(OrdersRedis.Exceptions, exceptionId) is { IsNull: false } json ? OrderJson.Read<ExceptionEntry>(json.ToString()) : null;

    public async Task<bool> TryReplaceExceptionAsync(ExceptionEntry current, ExceptionEntry next, CancellationToken cancellationToken)
    {
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.HashEqual(OrdersRedis.Exceptions, current.ExceptionId, OrderJson.Write(current)));
        _ = transaction.HashSetAsync(OrdersRedis.Exceptions, next.ExceptionId, OrderJson.Write(next));
        return await transaction.ExecuteAsync();
    }

    static HashEntry[] Fields(OrderRecord order) => [new("doc", OrderJson.Write(order)), new("version", order.Version)];
}
