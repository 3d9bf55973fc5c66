using System.Globalization;
using Gateway.Core.Erp;
using Gateway.Core.Redis;
using StackExchange.Redis;

namespace Gateway.Erp.Outbound.Budget.Cluster;

/// <summary>
/// The legacy ERP's sessions shared by every instance: a sorted set in Redis of session holders, each with an expiry that
/// its holder renews on every heartbeat, so that N instances together never hold more than the ERP's limit and a dead
/// instance's sessions come back after <see cref="Redis.MembershipOptions.InstanceTimeout"/>.
/// </summary>
/// <remarks>
/// A session is taken from Redis for a waiting call, handed straight to the next local waiter when the call ends (no
/// round trip) while this instance holds no more than its fair share (limit / instances), and otherwise given back.
/// An instance at or over its share waits a little before borrowing more, so an instance that polls for a session can
/// win it. Background calls take a session only while the reserve stays free cluster-wide. The ERP's ServerBusy pauses
/// every instance. While Redis is unreachable the instance uses limit / instances sessions of its own.
/// </remarks>
internal sealed class ClusterSessionBudget : ReservedShareScheduler
{
    static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(10);

    readonly ErpCluster _cluster;
    readonly int _limit;
    readonly double _reserveShare;
    readonly RedisKey _sessions;
    readonly RedisKey _paused;
    readonly Stack<string> _idle = new();
    readonly HashSet<string> _held = new(StringComparer.Ordinal);
    int _inUse;
    bool _taking;
    bool _local;
    long _counter;
    DateTimeOffset _borrowAfter;

    public ClusterSessionBudget(ErpSystem erp, int limit, ErpConnectionOptions options, ErpCluster cluster, TimeProvider time)
        : base(erp, options, time)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        _cluster = cluster;
        _limit = limit;
        _reserveShare = options.InteractiveReserve;
        _sessions = cluster.Key(erp, "sessions");
        _paused = cluster.Key(erp, "paused");
        _local = cluster.Degraded;
        cluster.OnHeartbeat(RenewAsync);
    }

    protected override string Coordination => _cluster.Degraded ? "local (redis unreachable)" : "redis";

    int FairShare => (int)Math.Ceiling((double)_limit / _cluster.Instances);

    int LocalSessions => Math.Max(1, _limit / _cluster.Instances);

    long TtlMs => (long)_cluster.InstanceTimeout.TotalMilliseconds;

    protected override double CapacityLocked => _local ? LocalSessions : _limit;

    protected override double ReserveLocked => _local ? Math.Floor(LocalSessions * _reserveShare) : 0;

    protected override double AvailableLocked(DateTimeOffset now)
    {
        if (_cluster.Degraded != _local)
        {
            _local = _cluster.Degraded;
            // Idle sessions go back (or expire there, if Redis is really gone); those in use are given back when their call ends.
            while (_idle.TryPop(out var idle))
            {
                _held.Remove(idle);
                _ = GiveBackAsync(idle);
            }
        }

        return _local ? LocalSessions - _inUse : _idle.Count;
    }

    protected override BudgetLease TakeLocked(DateTimeOffset now)
    {
        _inUse++;
        var session = !_local && _idle.TryPop(out var id) ? id : null;
        return BudgetLease.Granted(() => Release(session));
    }

    protected override void OnStarvedLocked(DateTimeOffset now, double needed)
    {
        if (_local || _taking)
        {
            return;
        }

        if (_held.Count >= FairShare && now < _borrowAfter)
        {
            ScheduleDispatchLocked(_borrowAfter - now);
            return;
        }

        _taking = true;
        var reserve = InteractiveWaitingLocked ? 0 : Math.Floor(_limit * _reserveShare);
        var session = string.Create(CultureInfo.InvariantCulture, $"{_cluster.InstanceId}:{++_counter}");
        _ = Task.Run(() => TakeAsync(session, reserve));
    }

    // How long calls hold sessions is the ERP's latency: unknowable, so wait up to the queue time.
    protected override TimeSpan? EstimateWaitLocked(DateTimeOffset now, int ahead, double share, double needed) => null;

    protected override void OnPausedLocked(DateTimeOffset now, DateTimeOffset until)
    {
        if (!_local)
        {
            var pauseMs = (long)Math.Ceiling((until - now).TotalMilliseconds);
            _ = Task.Run(() => PublishPauseAsync(pauseMs));
        }
    }

    async Task TakeAsync(string session, double reserve)
    {
        try
        {
            var answer = (RedisResult[])(await _cluster.RunAsync(db => db.ScriptEvaluateAsync(
                ClusterScripts.TakeSession, [_sessions, _paused], [_limit, session, TtlMs, reserve])))!;
            var (taken, pausedMs) = ((int)answer[0] == 1, (long)answer[1]);
            var giveBack = false;
            lock (Gate)
            {
                _taking = false;
                if (taken && !_local && WaitingLocked > 0)
                {
                    _held.Add(session);
                    _idle.Push(session);
                }
                else if (taken)
                {
                    giveBack = true;
                }
                else if (pausedMs > 0)
                {
                    HoldUntilLocked(Time.GetUtcNow() + TimeSpan.FromMilliseconds(pausedMs));
                }
                else
                {
                    ScheduleDispatchLocked(Poll);
                }
            }

            if (giveBack)
            {
                await GiveBackAsync(session);
            }
        }
        catch (Exception error) when (RedisFailures.IsFailure(error))
        {
            lock (Gate)
            {
                _taking = false;
            }

            // A slow answer may still have taken the session: never leave it to block the cluster until it expires.
            _ = GiveBackAsync(session);
        }

        DispatchNow();
    }

    void Release(string? session)
    {
        var giveBack = false;
        lock (Gate)
        {
            _inUse--;
            if (session is not null && _held.Contains(session))
            {
                if (!_local && WaitingLocked > 0 && _held.Count <= FairShare)
                {
                    _idle.Push(session);
                }
                else
                {
                    _held.Remove(session);
                    giveBack = true;
                    if (WaitingLocked > 0)
                    {
                        _borrowAfter = Time.GetUtcNow() + (2 * Poll);
                    }
                }
            }
        }

        if (giveBack)
        {
            _ = GiveBackAsync(session!);
        }

        DispatchNow();
    }

    async Task GiveBackAsync(string session)
    {
        try
        {
            await _cluster.RunAsync(db => db.SortedSetRemoveAsync(_sessions, session));
        }
        catch (Exception error) when (RedisFailures.IsFailure(error))
        {
            // The session expires after InstanceTimeout, as a dead instance's would.
        }
    }

    Task RenewAsync(IDatabase database)
    {
        RedisValue[] values;
        lock (Gate)
        {
            if (_held.Count == 0)
            {
                return Task.CompletedTask;
            }

            values = [TtlMs, .. _held.Select(s => (RedisValue)s)];
        }

        return database.ScriptEvaluateAsync(ClusterScripts.RenewSessions, [_sessions], values);
    }

    async Task PublishPauseAsync(long pauseMs)
    {
        try
        {
            await _cluster.RunAsync(db => db.ScriptEvaluateAsync(ClusterScripts.Pause, [_paused], [pauseMs]));
        }
        catch (Exception error) when (RedisFailures.IsFailure(error))
        {
            // Redis is gone: this instance is paused, and the others fall back to their own shares.
        }
    }
}
