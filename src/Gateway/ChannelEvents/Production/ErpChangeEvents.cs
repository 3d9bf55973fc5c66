using Gateway.Core.Events;
using Gateway.Events;

namespace Gateway.ChannelEvents.Production;

/// <summary>
/// <c>inventory.changed</c> and <c>price.changed</c>, from the ERPs' change events as the change ingestion applies them
/// (once cluster-wide, replays and older sequences already left out). Like the ERPs' events they name what changed, not
/// the new value: a channel reads it through the API, so producing them costs no ERP call.
/// </summary>
internal sealed class ErpChangeEvents(ChannelEventPublisher publisher) : IChangeObserver
{
    public void OnApplied(ErpChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Sku is not { Length: > 0 } sku)
        {
            return;
        }

        switch (change.Type)
        {
            case ErpChangeTypes.InventoryChanged:
                publisher.Publish(ChannelEventTypes.InventoryChanged, null, sku, change.OccurredAt, new InventoryChangedData(sku, change.WarehouseId, change.Sequence));
                break;
            case ErpChangeTypes.PriceChanged:
                // A contract price is that customer's business alone; a list price is everyone's.
                var customerId = string.IsNullOrEmpty(change.CustomerId) ? null : change.CustomerId;
                publisher.Publish(ChannelEventTypes.PriceChanged, customerId, sku, change.OccurredAt, new PriceChangedData(sku, customerId, change.Sequence));
                break;
        }
    }
}
