using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Orders.Storage;

/// <summary>
/// The orders' Redis connection (their keys are in <see cref="RedisKeys"/>, all in the <c>{orders}</c> slot). Unlike every
/// other feature the orders do not use the shared multiplexer: theirs keeps commands queued while it reconnects, because an order would rather wait a moment than fail, while the
/// shared one fails fast so that requests go to their fallbacks at once (the policy belongs to a whole multiplexer). The
/// intake's <c>WAIT</c> for replicas (<see cref="OrdersOptions.ReplicaAcknowledgements"/>) holds up the connection it is
/// sent on while replicas catch up; on a multiplexer of its own it never delays a cached read's or a limit's command.
/// It comes from the same <see cref="RedisConnection"/>, on the first order command.
/// </summary>
internal sealed class OrdersRedis(RedisConnection connection)
{
    readonly Lazy<IConnectionMultiplexer> _connection = new(() => connection.ConnectQueueing("gateway-orders"));

    /// <summary>This process's name in the hand-off consumer group: unique per process, so a restarted instance is a new consumer.</summary>
    public string ConsumerName { get; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    public IDatabase Database => _connection.Value.GetDatabase();

    /// <summary>The primary that holds <paramref name="key"/> now (of its slot, on a cluster).</summary>
    public IServer PrimaryOf(RedisKey key) => _connection.Value.GetServer(key, flags: CommandFlags.DemandMaster);
}
