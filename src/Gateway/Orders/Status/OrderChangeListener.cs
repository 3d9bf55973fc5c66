using System.Threading.Channels;
using Gateway.Core.Events;
using Gateway.Events;
using Gateway.Orders.Returns;

namespace Gateway.Orders.Status;

/// <summary>
/// The ERPs' <c>order.changed</c> and <c>return.changed</c> events, on the instance that ingested them: the order, or
/// its open returns, are brought up to the ERP's status at once instead of at their next poll or read. The numbers wait
/// in a bounded queue, so a webhook's answer never waits for the ERP; when the queue is full the oldest is dropped (the
/// poller still brings the order up to date, and a read of the return its status).
/// </summary>
internal sealed class OrderChangeListener(OrderStatusFeed feed, ReturnProgress returns, ILogger<OrderChangeListener> logger)
    : BackgroundService, IChangeObserver
{
    const int Capacity = 10_000;

    readonly Channel<(string Number, bool OfReturn)> _erpOrderNumbers = Channel.CreateBounded<(string, bool)>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void OnApplied(ErpChange change)
    {
        if (change.Type is ErpChangeTypes.OrderChanged or ErpChangeTypes.ReturnChanged && !string.IsNullOrEmpty(change.OrderNumber))
        {
            _erpOrderNumbers.Writer.TryWrite((change.OrderNumber, change.Type == ErpChangeTypes.ReturnChanged));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (number, ofReturn) in _erpOrderNumbers.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (ofReturn)
                {
                    await returns.RefreshAsync(number, stoppingToken);
                }
                else
                {
                    await feed.RefreshByErpOrderNumberAsync(number, stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.OrderEventFailed(logger, number, exception);
            }
        }
    }
}
