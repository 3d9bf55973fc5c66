using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Orders.Storage;

/// <summary>
/// Open orders in a sorted set scored by when each is next due a status check. Taking due orders re-scores them to the
/// lease's end in the same script, so two instances never check the same order in one round.
/// </summary>
internal sealed class RedisOpenOrders(OrdersRedis redis) : IOpenOrders
{
    static readonly LuaScript TakeDue = LuaScript.Prepare("""
        local ids = redis.call('ZRANGEBYSCORE', @key, '-inf', @now, 'LIMIT', 0, @max)
        for _, id in ipairs(ids) do
          redis.call('ZADD', @key, @lease, id)
        end
        return ids
        """);

    IDatabase Db => redis.Database;

    public Task TrackAsync(string orderId, DateTimeOffset due, CancellationToken cancellationToken) =>
        Db.SortedSetAddAsync(RedisKeys.OpenOrders, orderId, due.ToUnixTimeMilliseconds());

    public async Task<IReadOnlyList<string>> TakeDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        var result = await Db.ScriptEvaluateAsync(TakeDue, new
        {
            key = RedisKeys.OpenOrders,
            now = now.ToUnixTimeMilliseconds(),
            max,
            lease = leaseUntil.ToUnixTimeMilliseconds(),
        });
        return [.. ((RedisValue[])result!).Select(v => v.ToString())];
    }

    public Task GiveBackAsync(IReadOnlyCollection<string> orderIds, DateTimeOffset due, CancellationToken cancellationToken) =>
        orderIds.Count == 0
            ? Task.CompletedTask
            : Db.SortedSetAddAsync(
                RedisKeys.OpenOrders,
                [.. orderIds.Select(id => new SortedSetEntry(id, due.ToUnixTimeMilliseconds()))],
                SortedSetWhen.Exists);

    public Task ForgetAsync(string orderId, CancellationToken cancellationToken) =>
        Db.SortedSetRemoveAsync(RedisKeys.OpenOrders, orderId);
}
