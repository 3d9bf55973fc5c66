using Gateway.Core;
using Gateway.Core.Orders;
using Gateway.Erp;
using Gateway.Orders.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.Orders.Returns;

/// <summary>A return requested through the gateway, as its order last saw it: a change of it is a <c>return.status_changed</c>.</summary>
internal sealed record KnownReturn(string ReturnId, ReturnStatus Status, string? RejectReason, DateTimeOffset At)
{
    public static KnownReturn Of(ReturnAuthorisation view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new(view.ReturnId, view.Status, view.RejectReason, view.StatusChangedAt);
    }
}

/// <summary>
/// Follows the returns requested through the gateway on their order's record, so a status the ERP moves them to is
/// saved once and heard by the order's observers (the channel events among them) like any other change of the order.
/// An order with an open return stays among the open orders the status poller checks; the ERP's <c>return.changed</c>
/// (it names only the order) asks at once; a read of a return saves a status it finds newer.
/// </summary>
internal sealed class ReturnProgress(
    IOrderStore store, OrderWriter writer, IReturnSink erp, IOpenOrders openOrders, TimeProvider time, IOptions<OrdersOptions> options)
{
    /// <summary>An order's returns followed at most; later ones are still booked and readable, without events.</summary>
    public const int MaxFollowed = 100;

    /// <summary>Saves <paramref name="status"/> of the return on its order, unless the order already holds it or a later one.</summary>
    public async Task ObserveAsync(string orderId, ReturnAuthorisation status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        var saved = await writer.UpdateRecordAsync(orderId, current => Observe(current, [KnownReturn.Of(status)]), cancellationToken);
        if (saved is not null && HasOpen(saved))
        {
            await openOrders.TrackAsync(orderId, time.GetUtcNow() + options.Value.StatusPollInterval, cancellationToken);
        }
    }

    /// <summary>For the ERP's <c>return.changed</c> of its order <paramref name="erpOrderNumber"/>.</summary>
    public async Task RefreshAsync(string erpOrderNumber, CancellationToken cancellationToken)
    {
        if (await store.FindByErpOrderNumberAsync(erpOrderNumber, cancellationToken) is { } orderId
            && await store.GetAsync(orderId, cancellationToken) is { } order)
        {
            await RefreshAsync(order, cancellationToken);
        }
    }

    /// <summary>Asks the ERP for each open return of <paramref name="order"/> and saves what moved on.</summary>
    /// <returns>Whether the order still has an open return.</returns>
    public async Task<bool> RefreshAsync(OrderRecord order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!HasOpen(order))
        {
            return false;
        }

        var seen = new List<KnownReturn>();
        using (ErpTraffic.Background())
        {
            foreach (var open in order.Returns!.Where(r => !IsFinal(r.Status)))
            {
                if (await erp.FindAsync(open.ReturnId, cancellationToken) is { } booked)
                {
                    seen.Add(new KnownReturn(open.ReturnId, booked.Status, booked.RejectReason, booked.StatusChangedAt));
                }
            }
        }

        var saved = await writer.UpdateRecordAsync(order.OrderId, current => Observe(current, seen), cancellationToken);
        return saved is not null && HasOpen(saved);
    }

    /// <summary>Whether a return followed on <paramref name="order"/> is neither credited nor rejected yet.</summary>
    public static bool HasOpen(OrderRecord? order) => order?.Returns?.Any(r => !IsFinal(r.Status)) == true;

    /// <summary>The record with each of <paramref name="seen"/> that is new or moved on; null when none is.</summary>
    public static OrderRecord? Observe(OrderRecord current, IReadOnlyList<KnownReturn> seen)
    {
        ArgumentNullException.ThrowIfNull(current);
        var returns = (current.Returns ?? []).ToList();
        var changed = false;
        foreach (var status in seen)
        {
            var at = returns.FindIndex(r => r.ReturnId == status.ReturnId);
            if (at < 0 && returns.Count < MaxFollowed)
            {
                returns.Add(status);
                changed = true;
            }
            else if (at >= 0 && Rank(status.Status) > Rank(returns[at].Status))
            {
                // Two reads may cross: a status is only ever replaced by a later one.
                returns[at] = status;
                changed = true;
            }
        }

        return changed ? current with { Returns = returns } : null;
    }

    static bool IsFinal(ReturnStatus status) => status is ReturnStatus.Credited or ReturnStatus.Rejected;

    static int Rank(ReturnStatus status) => status switch
    {
        ReturnStatus.Requested => 0,
        ReturnStatus.Authorised => 1,
        ReturnStatus.Received => 2,
        _ => 3,
    };
}
