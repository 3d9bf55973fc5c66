using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Orders.Storage;

/// <summary>
/// The orders' Redis connection and key names. Unlike every other feature the orders do not use the shared multiplexer:
/// theirs keeps commands queued while it reconnects, because an order would rather wait a moment than fail, while the
/// shared one fails fast so that requests go to their fallbacks at once (the policy belongs to a whole multiplexer).
/// It comes from the same <see cref="RedisConnection"/>, on the first order command.
/// </summary>
internal sealed class OrdersRedis(RedisConnection connection)
{
    const string Prefix = "gateway:orders:";

    readonly Lazy<IConnectionMultiplexer> _connection = new(() => connection.ConnectQueueing("gateway-orders"));

    /// <summary>This process's name in the hand-off consumer group: unique per process, so a restarted instance is a new consumer.</summary>
    public string ConsumerName { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public IDatabase Database => _connection.Value.GetDatabase();

    public static RedisKey Order(string orderId) => Prefix + "order:" + orderId;

    public static RedisKey Idempotency(string scopedKey) => Prefix + "idempotency:" + scopedKey;

    public static RedisKey ByErpOrderNumber(string erpOrderNumber) => Prefix + "erp:" + erpOrderNumber;

    public static RedisKey Exceptions => Prefix + "exceptions";

    public static RedisKey HandOff => Prefix + "handoff";

    public static RedisKey Open => Prefix + "open";

    /// <summary>The orders in <paramref name="status"/> now, scored by when they entered it (Unix ms).</summary>
    public static RedisKey InStatus(OrderStatus status) => Prefix + "in:" + status.ToString();
}
