using System.Diagnostics;
using Gateway.Core;
using Gateway.Core.Diagnostics;
using Gateway.Core.Erp;
using Gateway.Core.Orders;
using Gateway.Erp;
using Gateway.Observability;
using Gateway.Orders.Exceptions;
using Gateway.Orders.Status;
using Gateway.Orders.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.Orders.HandOff;

/// <summary>
/// Hands one accepted order to the ERP that <c>Erp:Routing:Orders</c> names, under the order's external reference, so
/// that a repeat (a retry, or another instance taking over an abandoned entry) finds the first sales order instead of
/// booking a second. The entry is completed only once the ERP answered and the order's new state is saved.
/// </summary>
internal sealed class OrderHandOff(
    IOrderStore store,
    IHandOffQueue queue,
    IOpenOrders openOrders,
    OrderWriter writer,
    IOrderSink erp,
    TimeProvider time,
    IOptions<OrdersOptions> options,
    ILogger<OrderHandOff> logger)
{
    static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>An <c>order.handoff.deferred</c> event: how long the hand-off waits before trying the ERP again.</summary>
    const string DeferredWaitTag = "order.handoff.wait_ms";

    /// <param name="stopping">The instance is stopping: an ERP call under way still finishes, but an order waiting for the
    /// ERP is released to the other instances instead of waiting here.</param>
    /// <param name="abort">The time to stop is up: the entry stays pending and lapses to another instance.</param>
    public async Task HandAsync(HandOffEntry entry, CancellationToken stopping, CancellationToken abort)
    {
        var stored = await store.GetAsync(entry.OrderId, abort);
        // The trace of the request that accepted the order goes on here, on whichever instance took the entry, however
        // long after: the ERP calls below are its spans.
        using var span = GatewayTracing.Source.StartActivity("order hand-off", ActivityKind.Consumer, GatewayTracing.ContextOf(stored?.TraceParent));
        span?.SetTag(GatewayTracing.OrderIdTag, entry.OrderId);
        var firstFailure = (DateTimeOffset?)null;
        var delay = FirstRetryDelay;
        while (true)
        {
            if (stored is not { Status: OrderStatus.Accepted } order)
            {
                // Cancelled meanwhile, or handed off by an instance that died before completing the entry.
                await queue.CompleteAsync(entry, abort);
                return;
            }

            if (stopping.IsCancellationRequested)
            {
                await ReleaseAsync(entry, abort);
                return;
            }

            try
            {
                SalesOrderState state;
                using (ErpTraffic.Background())
                {
                    state = await erp.SubmitAsync(ToSalesOrder(order), abort);
                }

                var submitted = await SubmittedAsync(order.OrderId, state, abort);
                await queue.CompleteAsync(entry, abort);
                span?.SetTag(GatewayTracing.OrderStatusTag, submitted?.Status.ToString());
                return;
            }
            catch (ErpRejectedException rejected)
            {
                await RejectedAsync(order, rejected, abort);
                await queue.CompleteAsync(entry, abort);
                span?.SetTag(GatewayTracing.OrderStatusTag, nameof(OrderStatus.Rejected));
                return;
            }
            catch (Exception exception) when (exception is ErpUnavailableException or ErpTimeoutException)
            {
                var now = time.GetUtcNow();
                firstFailure ??= now;
                if (now - firstFailure >= options.Value.GiveUpAfter)
                {
                    await GiveUpAsync(order, exception, abort);
                    await queue.CompleteAsync(entry, abort);
                    span?.SetStatus(ActivityStatusCode.Error, "gave up");
                    return;
                }

                // The ERP's own Retry-After when it gave one, never less than our back-off, never more than its cap.
                var wait = exception is ErpUnavailableException { RetryAfter: var retryAfter } && retryAfter > delay ? retryAfter : delay;
                wait = wait < options.Value.RetryBackoffMax ? wait : options.Value.RetryBackoffMax;
                Log.HandOffDeferred(logger, order.OrderId, wait.TotalMilliseconds, exception.Message);
                span?.AddEvent(new ActivityEvent("order.handoff.deferred", tags: new ActivityTagsCollection { [DeferredWaitTag] = wait.TotalMilliseconds }));
                try
                {
                    await Task.Delay(wait, time, stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    await ReleaseAsync(entry, abort);
                    return;
                }

                delay *= 2;
            }

            stored = await store.GetAsync(entry.OrderId, abort);
        }
    }

    async Task ReleaseAsync(HandOffEntry entry, CancellationToken abort)
    {
        await queue.ReleaseAsync(entry, abort);
        Log.HandOffReleased(logger, entry.OrderId);
    }

    /// <returns>The order as saved with the ERP's answer (usually its confirmation); null when it no longer exists.</returns>
    async Task<OrderRecord?> SubmittedAsync(string orderId, SalesOrderState state, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Applied whatever the order's status now: once the ERP holds the order, the ERP's word is the truth.
        var saved = await writer.UpdateAsync(
            orderId,
            current => OrderProgress.Apply(
                current.Status is OrderStatus.Accepted or OrderStatus.Cancelled
                    ? OrderProgress.Append(current.Order, OrderStatus.SubmittedToErp, now, "Handed to the ERP.")
                    : current.Order,
                state),
            cancellationToken);
        if (saved is not null && OrderProgress.IsOpen(saved.Status))
        {
            await openOrders.TrackAsync(orderId, now + options.Value.StatusPollInterval, cancellationToken);
        }

        Log.HandedOff(logger, orderId, state.OrderNumber, state.Created);
        return saved;
    }

    async Task RejectedAsync(OrderRecord order, ErpRejectedException rejected, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reason = $"Rejected by the {rejected.Erp} ERP: {rejected.Message}";
        await writer.UpdateAsync(order.OrderId, current => OrderProgress.Append(current.Order, OrderStatus.Rejected, now, reason), cancellationToken);
        await store.AddExceptionAsync(ExceptionEntry.Raise(order.OrderId, order.Order.CustomerId, ExceptionCategory.ErpRejected, reason, now), cancellationToken);
        // The ERP's sentence may quote what the caller sent (a SKU, a PO number).
        Log.Rejected(logger, order.OrderId, rejected.Erp, LogSafe.Text(rejected.Message));
    }

    async Task GiveUpAsync(OrderRecord order, Exception failure, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var reason = $"The ERP could not take the order for {options.Value.GiveUpAfter}; last failure: {failure.Message}";
        await writer.UpdateAsync(order.OrderId, current => OrderProgress.Append(current.Order, OrderStatus.Accepted, now, reason + " Waiting for an operator."), cancellationToken);
        await store.AddExceptionAsync(ExceptionEntry.Raise(order.OrderId, order.Order.CustomerId, ExceptionCategory.ErpUnreachable, reason, now), cancellationToken);
        Log.GaveUp(logger, order.OrderId, failure.Message);
    }

    static SalesOrderRequest ToSalesOrder(OrderRecord order) => new(
        order.ErpReference,
        order.Order.CustomerId,
        order.Order.ShipToId,
        order.Order.PoNumber,
        [.. order.Order.Lines.Select(l => new SalesOrderLine(l.Sku, l.Quantity, l.UnitPrice))]);
}
