using System.Threading.Channels;
using Gateway.Core.Events;
using Gateway.Events;

namespace Gateway.Orders.Status;

/// <summary>
/// The ERPs' <c>order.changed</c> events, on the instance that ingested them: the order is brought up to the ERP's
/// status at once instead of at its next poll. The numbers wait in a bounded queue, so a webhook's answer never waits
/// for the ERP; when the queue is full the oldest is dropped, and the poller still brings that order up to date.
/// </summary>
internal sealed class OrderChangeListener(OrderStatusFeed feed, ILogger<OrderChangeListener> logger) : BackgroundService, IChangeObserver
{
    const int Capacity = 10_000;

    readonly Channel<string> _erpOrderNumbers = Channel.CreateBounded<string>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void OnApplied(ErpChange change)
    {
        if (change.Type == ErpChangeTypes.OrderChanged && !string.IsNullOrEmpty(change.OrderNumber))
        {
            _erpOrderNumbers.Writer.TryWrite(change.OrderNumber);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var number in _erpOrderNumbers.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await feed.RefreshByErpOrderNumberAsync(number, stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.OrderEventFailed(logger, number, exception);
            }
        }
    }
}
