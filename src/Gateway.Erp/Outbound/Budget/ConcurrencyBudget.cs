using Gateway.Core.Erp;

namespace Gateway.Erp.Outbound.Budget;

/// <summary>
/// A calls-in-flight budget for one node: at most <c>slots</c> ERP calls at once; a slot returns when the call's lease is
/// disposed, i.e. when the ERP has answered or the request was abandoned.
/// </summary>
internal sealed class ConcurrencyBudget : ReservedShareScheduler
{
    readonly int _slots;
    readonly double _reserve;
    int _inUse;

    public ConcurrencyBudget(ErpSystem erp, int slots, ErpConnectionOptions options, TimeProvider time)
        : base(erp, options, time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        _slots = slots;
        _reserve = Math.Floor(slots * options.InteractiveReserve);
    }

    /// <summary>Calls holding a slot now.</summary>
    public int InUse
    {
        get
        {
            lock (Gate)
            {
                return _inUse;
            }
        }
    }

    protected override double CapacityLocked => _slots;

    protected override double ReserveLocked => _reserve;

    protected override double AvailableLocked(DateTimeOffset now) => _slots - _inUse;

    protected override BudgetLease TakeLocked(DateTimeOffset now)
    {
        _inUse++;
        return BudgetLease.Granted(Release);
    }

    // A slot comes back only with a release; nothing to schedule.
    protected override void OnStarvedLocked(DateTimeOffset now, double needed)
    {
    }

    // How long calls hold slots is the ERP's latency: unknowable, so wait up to the queue time.
    protected override TimeSpan? EstimateWaitLocked(DateTimeOffset now, int ahead, double share, double needed) => null;

    void Release()
    {
        lock (Gate)
        {
            _inUse--;
        }

        DispatchNow();
    }
}
