using Gateway.Orders;
using Gateway.Orders.Documents;
using Gateway.Orders.Returns;
using Gateway.Orders.Storage;

namespace Gateway.ChannelEvents.Production;

/// <summary>
/// The order events, from what the order feed already saved: <c>order.status_changed</c> for each status entered (a new
/// order's first one included), <c>order.shipped</c> for each parcel the order lists for the first time (after the
/// status change to Shipped when one came with it), <c>order.invoiced</c> when it enters Invoiced, and
/// <c>return.status_changed</c> for each return followed that is new or moved on: in the order things happened, from one save.
/// </summary>
internal sealed class OrderEvents(ChannelEventPublisher publisher) : IOrderObserver
{
    public void OnSaved(OrderRecord? before, OrderRecord after)
    {
        ArgumentNullException.ThrowIfNull(after);
        PublishOrder(before?.Order, after.Order);
        PublishReturns(before?.Returns ?? [], after);
    }

    void PublishOrder(Order? before, Order after)
    {
        var previous = before?.Status;
        var parcels = before?.Shipments.Count ?? 0;
        foreach (var change in after.StatusHistory.Skip(before?.StatusHistory.Count ?? 0))
        {
            publisher.Publish(ChannelEventTypes.OrderStatusChanged, after.CustomerId, null, change.At,
                new OrderStatusChangedData(after.OrderId, after.CustomerId, change.Status, previous, change.Reason, change.At));
            previous = change.Status;
            if (change.Status is OrderStatus.Shipped or OrderStatus.Invoiced)
            {
                parcels = PublishParcels(after, parcels, change.At);
            }

            if (change.Status == OrderStatus.Invoiced)
            {
                publisher.Publish(ChannelEventTypes.OrderInvoiced, after.CustomerId, null, change.At,
                    new OrderInvoicedData(after.OrderId, after.CustomerId, DocumentIds.Invoice(after.OrderId)));
            }
        }

        // A later parcel of an order already shipped arrives without a status change.
        PublishParcels(after, parcels, after.StatusHistory is [.., var last] ? last.At : after.CreatedAt);
    }

    void PublishReturns(IReadOnlyList<KnownReturn> before, OrderRecord after)
    {
        var order = after.Order;
        foreach (var known in after.Returns ?? [])
        {
            if (!before.Contains(known))
            {
                publisher.Publish(ChannelEventTypes.ReturnStatusChanged, order.CustomerId, null, known.At,
                    new ReturnStatusChangedData(known.ReturnId, order.OrderId, order.CustomerId, known.Status, known.RejectReason));
            }
        }
    }

    /// <returns>How many parcels have been announced now.</returns>
    int PublishParcels(Order order, int announced, DateTimeOffset at)
    {
        for (var part = announced; part < order.Shipments.Count; part++)
        {
            var shipment = order.Shipments[part];
            publisher.Publish(ChannelEventTypes.OrderShipped, order.CustomerId, null, at,
                new OrderShippedData(order.OrderId, order.CustomerId, DocumentIds.Shipment(order.OrderId, part + 1), shipment.Carrier, shipment.TrackingNumber));
        }

        return order.Shipments.Count;
    }
}
