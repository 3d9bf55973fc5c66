using System.Diagnostics;
using Gateway.Core;
using Gateway.Core.Erp;
using Gateway.Core.Orders;
using Gateway.Erp;
using Gateway.Observability;
using Gateway.Orders.Exceptions;
using Gateway.Orders.Returns;
using Gateway.Orders.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.Orders.Status;

/// <summary>
/// Brings orders up to the ERP's status. The poller calls <see cref="RefreshAsync"/> for open orders (and orders with an
/// open return: <see cref="ReturnProgress"/>); the ERP's change events (<c>order.changed</c> carries only the ERP's order
/// number) call <see cref="RefreshByErpOrderNumberAsync"/>, or <see cref="ApplyAsync"/> when they already hold the ERP's state.
/// </summary>
internal sealed class OrderStatusFeed(
    IOrderStore store,
    IOpenOrders openOrders,
    OrderWriter writer,
    IOrderSink erp,
    IOrderDocumentSource documents,
    ReturnProgress returns,
    TimeProvider time,
    IOptions<OrdersOptions> options,
    ILogger<OrderStatusFeed> logger)
{
    /// <summary>An <c>order.status_changed</c> event's status before the change (<see cref="GatewayTracing.OrderStatusTag"/> is the one after).</summary>
    const string StatusBeforeTag = "order.status.before";

    /// <summary>Asks the ERP for the order's state and applies it. Failures leave the order due for another check.</summary>
    public async Task RefreshAsync(string orderId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(orderId, cancellationToken) is not { } order)
        {
            await openOrders.ForgetAsync(orderId, cancellationToken);
            return;
        }

        if (!OrderProgress.IsOpen(order.Status))
        {
            // A closed order stays due for checks while a return of it is open.
            if (await RefreshReturnsAsync(order, cancellationToken))
            {
                await openOrders.TrackAsync(orderId, time.GetUtcNow() + options.Value.StatusPollInterval, cancellationToken);
            }
            else
            {
                await openOrders.ForgetAsync(orderId, cancellationToken);
            }

            return;
        }

        // A trace of its own, linked to the order's: what the ERP did later, found from the order's trace.
        using var span = GatewayTracing.StartLinked("order status", order.TraceParent);
        span?.SetTag(GatewayTracing.OrderIdTag, orderId);
        SalesOrderState? state;
        IReadOnlyList<ErpShipment>? parcels = null;
        try
        {
            using (ErpTraffic.Background())
            {
                state = await erp.FindByExternalReferenceAsync(order.ErpReference, cancellationToken);
                // An order may leave in parts: the order lists every parcel, as GET /v1/orders/{id}/shipments does.
                if (state is { Status: ErpOrderStatus.Shipped or ErpOrderStatus.Invoiced })
                {
                    parcels = await documents.GetShipmentsAsync(state.OrderNumber, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is ErpUnavailableException or ErpTimeoutException)
        {
            Log.StatusCheckDeferred(logger, orderId, exception.Message);
            await openOrders.TrackAsync(orderId, time.GetUtcNow() + options.Value.StatusPollInterval, cancellationToken);
            return;
        }

        if (state is null)
        {
            await openOrders.TrackAsync(orderId, time.GetUtcNow() + options.Value.StatusPollInterval, cancellationToken);
            return;
        }

        await ApplyAsync(orderId, state, parcels, cancellationToken);
        if (ReturnProgress.HasOpen(order))
        {
            // ApplyAsync has scheduled the order's next check already.
            await RefreshReturnsAsync(order, cancellationToken);
        }
    }

    /// <summary>The order's open returns asked again.</summary>
    /// <returns>Whether one is still open (or the ERP could not say).</returns>
    async Task<bool> RefreshReturnsAsync(OrderRecord order, CancellationToken cancellationToken)
    {
        try
        {
            return await returns.RefreshAsync(order, cancellationToken);
        }
        catch (Exception exception) when (exception is ErpUnavailableException or ErpTimeoutException)
        {
            Log.StatusCheckDeferred(logger, order.OrderId, exception.Message);
            return true;
        }
    }

    /// <summary>For an ERP event naming the ERP's order number; false when no order of ours carries it.</summary>
    public async Task<bool> RefreshByErpOrderNumberAsync(string erpOrderNumber, CancellationToken cancellationToken)
    {
        if (await store.FindByErpOrderNumberAsync(erpOrderNumber, cancellationToken) is not { } orderId)
        {
            return false;
        }

        await RefreshAsync(orderId, cancellationToken);
        return true;
    }

    /// <summary>Moves the order to the ERP's <paramref name="state"/> (never backwards) and schedules its next check.</summary>
    public async Task<Order?> ApplyAsync(string orderId, SalesOrderState state, IReadOnlyList<ErpShipment>? parcels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var before = await store.GetAsync(orderId, cancellationToken);
        var saved = await writer.UpdateAsync(orderId, current => OrderProgress.Apply(current.Order, state, parcels), cancellationToken);
        if (saved is null)
        {
            return null;
        }

        if (GatewayTracing.Recorded(Activity.Current) is { } span)
        {
            span.SetTag(GatewayTracing.OrderStatusTag, saved.Status.ToString());
            if (before is not null && before.Status != saved.Status)
            {
                span.AddEvent(new ActivityEvent("order.status_changed", tags: new ActivityTagsCollection
                {
                    [StatusBeforeTag] = before.Status.ToString(),
                    [GatewayTracing.OrderStatusTag] = saved.Status.ToString(),
                }));
            }
        }

        if (OrderProgress.IsOpen(saved.Status) || ReturnProgress.HasOpen(saved))
        {
            await openOrders.TrackAsync(orderId, time.GetUtcNow() + options.Value.StatusPollInterval, cancellationToken);
        }
        else
        {
            await openOrders.ForgetAsync(orderId, cancellationToken);
        }

        if (saved.Status == OrderStatus.Rejected && before?.Status != OrderStatus.Rejected)
        {
            var reason = saved.Order.StatusHistory[^1].Reason;
            await store.AddExceptionAsync(ExceptionEntry.Raise(orderId, saved.Order.CustomerId, ExceptionCategory.ErpRejected, reason, time.GetUtcNow()), cancellationToken);
        }

        return saved.Order;
    }
}
