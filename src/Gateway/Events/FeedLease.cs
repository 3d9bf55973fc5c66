using System.Globalization;
using Gateway.Caching;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Events;

/// <summary>
/// Who polls the legacy change feed, and from where: one instance at a time holds the lease (renewed by each poll,
/// expiring <c>Events:LeaseDuration</c> after the holder's last renewal, so another instance takes over when it
/// dies), and the checkpoint is written only by the holder.
/// </summary>
internal interface IFeedLease
{
    /// <summary>Takes or renews the lease; false when another instance holds it.</summary>
    Task<bool> TryHoldAsync();

    /// <summary>The token to resume from; empty for the beginning of the feed.</summary>
    Task<string> CheckpointAsync();

    /// <summary>Saves the token to resume from, if this instance still holds the lease.</summary>
    Task SaveCheckpointAsync(string token);

    /// <summary>Gives the lease up, if this instance holds it (it is stopping): another instance takes over at its next poll.</summary>
    Task ReleaseAsync();
}

/// <summary>The lease and checkpoint in Redis; the holder is fenced (a lapsed holder cannot move the checkpoint).</summary>
internal sealed class RedisFeedLease(CacheRedis redis, EventsOptions options) : IFeedLease
{
    static readonly RedisKey LeaseKey = RedisKeys.FeedLease;
    static readonly RedisKey CheckpointKey = RedisKeys.FeedCheckpoint;

    const string Save = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then
          redis.call('SET', KEYS[2], ARGV[2])
          return 1
        end
        return 0
        """;

    readonly string _instance = Environment.MachineName + ":" + Environment.ProcessId + ":" + Guid.NewGuid().ToString("N");

    public async Task<bool> TryHoldAsync() =>
        (long)await redis.Bounded(Database().ScriptEvaluateAsync(LeaseScripts.Hold, [LeaseKey],
            [_instance, ((long)options.LeaseDuration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)])) == 1;

    public async Task<string> CheckpointAsync() => (string?)await redis.Bounded(Database().StringGetAsync(CheckpointKey)) ?? "";

    public Task SaveCheckpointAsync(string token) => redis.Bounded(Database().ScriptEvaluateAsync(Save, [LeaseKey, CheckpointKey], [_instance, token]));

    public Task ReleaseAsync() => redis.Bounded(Database().ScriptEvaluateAsync(LeaseScripts.Release, [LeaseKey], [_instance]));

    IDatabase Database() => redis.Database ?? throw new RedisConnectionException(ConnectionFailureType.UnableToConnect, "Redis is not connected yet.");
}

/// <summary>The embedded mode: a single node always holds the lease; the checkpoint lives as long as the process.</summary>
internal sealed class MemoryFeedLease : IFeedLease
{
    string _checkpoint = "";

    public Task<bool> TryHoldAsync() => Task.FromResult(true);

    public Task<string> CheckpointAsync() => Task.FromResult(Volatile.Read(ref _checkpoint));

    public Task SaveCheckpointAsync(string token)
    {
        Volatile.Write(ref _checkpoint, token);
        return Task.CompletedTask;
    }

    public Task ReleaseAsync() => Task.CompletedTask;
}
