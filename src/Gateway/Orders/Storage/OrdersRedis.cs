using StackExchange.Redis;

namespace Gateway.Orders.Storage;

/// <summary>
/// The orders' own Redis connection and key names. Its own multiplexer, so that a burst of cache traffic never queues
/// ahead of an order being written; unlike the limiter's it keeps commands queued while reconnecting, because an
/// order would rather wait a moment than fail.
/// </summary>
internal sealed class OrdersRedis : IDisposable
{
    const string Prefix = "gateway:orders:";

    readonly Lazy<ConnectionMultiplexer> _connection;

    public OrdersRedis(string connectionString)
    {
        _connection = new(() =>
        {
            var configuration = ConfigurationOptions.Parse(connectionString);
            configuration.AbortOnConnectFail = false;
            configuration.ClientName ??= "gateway-orders";
            return ConnectionMultiplexer.Connect(configuration);
        });
    }

    /// <summary>This process's name in the hand-off consumer group: unique per process, so a restarted instance is a new consumer.</summary>
    public string ConsumerName { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public IDatabase Database => _connection.Value.GetDatabase();

    public static RedisKey Order(string orderId) => Prefix + "order:" + orderId;

    public static RedisKey Idempotency(string scopedKey) => Prefix + "idempotency:" + scopedKey;

    public static RedisKey ByErpOrderNumber(string erpOrderNumber) => Prefix + "erp:" + erpOrderNumber;

    public static RedisKey Exceptions => Prefix + "exceptions";

    public static RedisKey HandOff => Prefix + "handoff";

    public static RedisKey Open => Prefix + "open";

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }
}
