using System.Globalization;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Events;

/// <summary>
/// How each instance tells the cluster how far it has dropped its L1 copies: one field per instance in one Redis hash
/// (<see cref="Key"/>), <c>"&lt;last stream id&gt; &lt;dropped at, Unix ms&gt; &lt;reported at, Unix ms&gt;"</c>, written when the
/// reader moved on and refreshed on the cluster heartbeat. Bounded by the number of instances: <see cref="InvalidationProgress"/>
/// removes the fields of instances silent for <see cref="Forgotten"/>.
/// </summary>
internal sealed class InvalidationAcks
{
    public static readonly RedisKey Key = RedisKeys.ChangeDropped;

    /// <summary>Up to which stream entry the cluster-wide drop was measured (one instance measures each entry once).</summary>
    public static readonly RedisKey ThroughKey = RedisKeys.ChangeDroppedThrough;

    /// <summary>An instance silent this long no longer holds the others back (it died, or lost Redis).</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(10);

    /// <summary>An instance silent this long is forgotten.</summary>
    public static readonly TimeSpan Forgotten = TimeSpan.FromMinutes(5);

    readonly string _instance;
    readonly TimeProvider _time;
    readonly Lock _gate = new();
    string? _lastId;
    long _droppedAtMs;

    public InvalidationAcks(ClusterMembership membership, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(membership);
        _instance = membership.InstanceId;
        _time = time;
        membership.OnHeartbeat(RefreshAsync);
    }

    /// <summary>The reader dropped everything up to <paramref name="lastId"/>: say so at once when it moved on.</summary>
    public Task ReportAsync(IDatabase database, string lastId)
    {
        lock (_gate)
        {
            if (lastId == _lastId)
            {
                return Task.CompletedTask;
            }

            _lastId = lastId;
            _droppedAtMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
        }

        return WriteAsync(database);
    }

    Task RefreshAsync(IDatabase database) => _lastId is null ? Task.CompletedTask : WriteAsync(database);

    Task<bool> WriteAsync(IDatabase database)
    {
        string value;
        lock (_gate)
        {
            value = string.Create(CultureInfo.InvariantCulture, $"{_lastId} {_droppedAtMs} {_time.GetUtcNow().ToUnixTimeMilliseconds()}");
        }

        return database.HashSetAsync(Key, _instance, value);
    }

    /// <summary>One instance's acknowledgement as read back; null for a field that does not parse.</summary>
    public static Ack? Parse(HashEntry entry)
    {
        var parts = entry.Value.ToString().Split(' ');
        return parts.Length == 3 && StreamPosition.TryParse(parts[0], out var position)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var dropped)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var reported)
                ? new Ack(entry.Name.ToString(), position, DateTimeOffset.FromUnixTimeMilliseconds(dropped), DateTimeOffset.FromUnixTimeMilliseconds(reported))
                : null;
    }
}

/// <summary>An instance dropped its copies up to <paramref name="Through"/>, the last time at <paramref name="DroppedAt"/>.</summary>
internal sealed record Ack(string Instance, StreamPosition Through, DateTimeOffset DroppedAt, DateTimeOffset ReportedAt);

/// <summary>A Redis stream id (<c>&lt;ms&gt;-&lt;seq&gt;</c>), ordered as Redis orders them.</summary>
internal readonly record struct StreamPosition(long Milliseconds, long Sequence) : IComparable<StreamPosition>
{
    public DateTimeOffset At => DateTimeOffset.FromUnixTimeMilliseconds(Milliseconds);

    public static bool TryParse(string? id, out StreamPosition position)
    {
        position = default;
        var dash = id?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash <= 0
            || !long.TryParse(id.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || !long.TryParse(id.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
        {
            return false;
        }

        position = new StreamPosition(ms, seq);
        return true;
    }

    public int CompareTo(StreamPosition other) => (Milliseconds, Sequence).CompareTo((other.Milliseconds, other.Sequence));

    public static bool operator <(StreamPosition a, StreamPosition b) => a.CompareTo(b) < 0;

    public static bool operator >(StreamPosition a, StreamPosition b) => a.CompareTo(b) > 0;

    public static bool operator <=(StreamPosition a, StreamPosition b) => a.CompareTo(b) <= 0;

    public static bool operator >=(StreamPosition a, StreamPosition b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
}
