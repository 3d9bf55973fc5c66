using System.Threading.RateLimiting;
using Gateway.Core.Erp;

namespace Gateway.Erp.Outbound.Budget;

/// <summary>
/// Hands out an ERP's permits (tokens or call slots) to waiting calls of two classes, so that neither can starve the other:
/// <list type="bullet">
/// <item>alone, background work may not touch the last <see cref="ReserveLocked"/> permits, which stay free for the next
/// interactive call (a background flood never makes a storefront read wait);</item>
/// <item>when both classes wait, permits alternate by smooth weighted round robin, background getting its configured
/// share (an interactive flood never stops the order hand-off);</item>
/// <item>waiting is bounded: a call predicted to wait longer than the queue time, or still waiting then, gets a refused
/// lease with a Retry-After, never a hang.</item>
/// </list>
/// Subclasses say how many permits there are and when more will come; all state changes under one lock.
/// </summary>
internal abstract class ReservedShareScheduler : IErpBudget, IDisposable
{
    const double Epsilon = 1e-9;

    readonly Queue<Waiter> _interactive = new();
    readonly Queue<Waiter> _background = new();
    readonly ITimer _dispatchTimer;
    readonly TimeSpan _queueTimeout;
    readonly int _maxQueueLength;
    readonly double _backgroundShare;
    int _interactiveWaiting;
    int _backgroundWaiting;
    double _interactiveCredit;
    double _backgroundCredit;
    DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    protected ReservedShareScheduler(ErpSystem erp, ErpConnectionOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        Erp = erp;
        Time = time;
        _queueTimeout = options.QueueTimeout;
        _maxQueueLength = options.MaxQueueLength;
        _backgroundShare = options.BackgroundShare;
        _dispatchTimer = time.CreateTimer(static state => ((ReservedShareScheduler)state!).DispatchNow(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public ErpSystem Erp { get; }

    protected TimeProvider Time { get; }

    protected Lock Gate { get; } = new();

    /// <summary>Permits free now, pause aside.</summary>
    protected abstract double AvailableLocked(DateTimeOffset now);

    /// <summary>Bucket size or slot count.</summary>
    protected abstract double CapacityLocked { get; }

    /// <summary>Permits background work may not use while no interactive call waits.</summary>
    protected abstract double ReserveLocked { get; }

    /// <summary>Consumes one permit.</summary>
    protected abstract BudgetLease TakeLocked(DateTimeOffset now);

    /// <summary>Waiters remain but fewer than <paramref name="needed"/> permits are free: arrange a later <see cref="DispatchNow"/>.</summary>
    protected abstract void OnStarvedLocked(DateTimeOffset now, double needed);

    /// <summary>Predicted wait for a call with <paramref name="ahead"/> calls before it and this fraction of the permits; null when unknowable.</summary>
    protected abstract TimeSpan? EstimateWaitLocked(DateTimeOffset now, int ahead, double share, double needed);

    /// <summary>The ERP refused for lack of room: forget the permits this side believed it had.</summary>
    protected virtual void OnPausedLocked(DateTimeOffset now, DateTimeOffset until)
    {
    }

    protected virtual string Coordination => "local";

    /// <summary>Calls waiting now, both classes.</summary>
    protected int WaitingLocked => _interactiveWaiting + _backgroundWaiting;

    /// <summary>Whether an interactive call waits: permits asked for elsewhere then need not leave the reserve free.</summary>
    protected bool InteractiveWaitingLocked => _interactiveWaiting > 0;

    /// <summary>Another instance was told to pause: hold this one's calls too, without telling anyone again.</summary>
    protected void HoldUntilLocked(DateTimeOffset until)
    {
        if (until > _pausedUntil)
        {
            _pausedUntil = until;
            ScheduleDispatchLocked(until - Time.GetUtcNow());
        }
    }

    public ValueTask<RateLimitLease> AcquireAsync(ErpTrafficClass traffic, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (Gate)
        {
            var now = Time.GetUtcNow();
            var paused = now < _pausedUntil;
            var needed = NeededAlone(traffic);
            if (!paused && _interactiveWaiting == 0 && _backgroundWaiting == 0 && AvailableLocked(now) + Epsilon >= needed)
            {
                return new ValueTask<RateLimitLease>(TakeLocked(now));
            }

            var ahead = traffic == ErpTrafficClass.Interactive ? _interactiveWaiting : _backgroundWaiting;
            var others = traffic == ErpTrafficClass.Interactive ? _backgroundWaiting : _interactiveWaiting;
            var share = others == 0 ? 1.0 : traffic == ErpTrafficClass.Interactive ? 1 - _backgroundShare : _backgroundShare;
            var estimate = EstimateWaitLocked(now, ahead, share, needed);
            if (paused)
            {
                estimate = (estimate ?? TimeSpan.Zero) + (_pausedUntil - now);
            }

            if (ahead >= _maxQueueLength || estimate > _queueTimeout || _queueTimeout == TimeSpan.Zero)
            {
                return new ValueTask<RateLimitLease>(BudgetLease.Refused(RetryHint(estimate)));
            }

            var waiter = new Waiter(this, traffic);
            (traffic == ErpTrafficClass.Interactive ? _interactive : _background).Enqueue(waiter);
            if (traffic == ErpTrafficClass.Interactive)
            {
                _interactiveWaiting++;
            }
            else
            {
                _backgroundWaiting++;
            }

            waiter.Arm(Time, _queueTimeout, cancellationToken);
            DispatchLocked(now);
            return new ValueTask<RateLimitLease>(waiter.Task);
        }
    }

    public void Pause(TimeSpan retryAfter)
    {
        lock (Gate)
        {
            var now = Time.GetUtcNow();
            var until = now + (retryAfter > TimeSpan.Zero ? retryAfter : TimeSpan.FromMilliseconds(100));
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }

            OnPausedLocked(now, _pausedUntil);
            DispatchLocked(now);
        }
    }

    public ErpBudgetSnapshot Snapshot()
    {
        lock (Gate)
        {
            var now = Time.GetUtcNow();
            var pausedFor = _pausedUntil > now ? _pausedUntil - now : TimeSpan.Zero;
            return new ErpBudgetSnapshot(
                pausedFor > TimeSpan.Zero ? 0 : Math.Max(0, AvailableLocked(now)),
                CapacityLocked,
                _interactiveWaiting,
                _backgroundWaiting,
                pausedFor,
                Coordination);
        }
    }

    /// <summary>Permits may have appeared (timer due, slot released, lease arrived): serve who waits.</summary>
    protected void DispatchNow()
    {
        lock (Gate)
        {
            DispatchLocked(Time.GetUtcNow());
        }
    }

    protected void ScheduleDispatchLocked(TimeSpan delay) =>
        _dispatchTimer.Change(delay > TimeSpan.Zero ? delay : TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);

    void DispatchLocked(DateTimeOffset now)
    {
        while (true)
        {
            var hasInteractive = _interactiveWaiting > 0;
            var hasBackground = _backgroundWaiting > 0;
            DropAbandoned(hasInteractive, hasBackground);
            if (!hasInteractive && !hasBackground)
            {
                _interactiveCredit = _backgroundCredit = 0;
                return;
            }

            if (now < _pausedUntil)
            {
                ScheduleDispatchLocked(_pausedUntil - now);
                return;
            }

            var contended = hasInteractive && hasBackground;
            var needed = contended ? 1 : NeededAlone(hasInteractive ? ErpTrafficClass.Interactive : ErpTrafficClass.Background);
            if (AvailableLocked(now) + Epsilon < needed)
            {
                OnStarvedLocked(now, needed);
                return;
            }

            // Credits are earned only by permits handed out: a dispatch that finds none must not tilt the next turns.
            var pick = contended ? PickContended() : hasInteractive ? ErpTrafficClass.Interactive : ErpTrafficClass.Background;
            if (contended)
            {
                // Smooth weighted round robin: the picked class pays one whole turn.
                if (pick == ErpTrafficClass.Interactive)
                {
                    _interactiveCredit -= 1;
                }
                else
                {
                    _backgroundCredit -= 1;
                }
            }

            var waiter = DequeueLive(pick == ErpTrafficClass.Interactive ? _interactive : _background);
            Complete(waiter, TakeLocked(now));
        }
    }

    /// <summary>Timed-out and cancelled waiters stay queued until passed over; an empty class lets go of them at once.</summary>
    void DropAbandoned(bool hasInteractive, bool hasBackground)
    {
        if (!hasInteractive && _interactive.Count > 0)
        {
            _interactive.Clear();
        }

        if (!hasBackground && _background.Count > 0)
        {
            _background.Clear();
        }
    }

    ErpTrafficClass PickContended()
    {
        _interactiveCredit += 1 - _backgroundShare;
        _backgroundCredit += _backgroundShare;
        return _interactiveCredit >= _backgroundCredit ? ErpTrafficClass.Interactive : ErpTrafficClass.Background;
    }

    double NeededAlone(ErpTrafficClass traffic) => traffic == ErpTrafficClass.Interactive ? 1 : 1 + ReserveLocked;

    static Waiter DequeueLive(Queue<Waiter> queue)
    {
        while (true)
        {
            var waiter = queue.Dequeue();
            if (!waiter.Done)
            {
                return waiter;
            }
        }
    }

    void Complete(Waiter waiter, RateLimitLease lease)
    {
        Retire(waiter);
        waiter.TrySetResult(lease);
    }

    /// <summary>Takes a waiter out of the counts and disarms its timer; under <see cref="Gate"/>, once per waiter.</summary>
    void Retire(Waiter waiter)
    {
        waiter.Done = true;
        if (waiter.Traffic == ErpTrafficClass.Interactive)
        {
            _interactiveWaiting--;
        }
        else
        {
            _backgroundWaiting--;
        }

        waiter.Disarm();
    }

    void OnWaiterTimedOut(Waiter waiter)
    {
        lock (Gate)
        {
            if (!waiter.Done)
            {
                Complete(waiter, BudgetLease.Refused(RetryHint(null)));
            }
        }
    }

    void OnWaiterCancelled(Waiter waiter, CancellationToken cancellationToken)
    {
        lock (Gate)
        {
            if (waiter.Done)
            {
                return;
            }

            Retire(waiter);
            waiter.TrySetCanceled(cancellationToken);
        }
    }

    TimeSpan RetryHint(TimeSpan? estimate)
    {
        var hint = estimate ?? _queueTimeout;
        return hint > TimeSpan.FromSeconds(1) ? hint : TimeSpan.FromSeconds(1);
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dispatchTimer.Dispose();
        }
    }

    sealed class Waiter(ReservedShareScheduler owner, ErpTrafficClass traffic)
        : TaskCompletionSource<RateLimitLease>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        ITimer? _timeout;
        CancellationTokenRegistration _cancellation;

        public ErpTrafficClass Traffic { get; } = traffic;

        /// <summary>Granted, refused or cancelled; only read and written under the owner's lock.</summary>
        public bool Done { get; set; }

        public void Arm(TimeProvider time, TimeSpan timeout, CancellationToken cancellationToken)
        {
            _timeout = time.CreateTimer(static state => { var w = (Waiter)state!; w.Owner.OnWaiterTimedOut(w); }, this, timeout, Timeout.InfiniteTimeSpan);
            if (cancellationToken.CanBeCanceled)
            {
                _cancellation = cancellationToken.UnsafeRegister(static (state, token) => { var w = (Waiter)state!; w.Owner.OnWaiterCancelled(w, token); }, this);
            }
        }

        ReservedShareScheduler Owner => owner;

        /// <summary>Unregister, not Dispose: Dispose would wait for a running callback that is waiting for our lock.</summary>
        public void Disarm()
        {
            _timeout?.Dispose();
            _cancellation.Unregister();
        }
    }
}
