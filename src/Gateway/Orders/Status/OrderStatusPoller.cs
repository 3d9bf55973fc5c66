using System.Collections.Concurrent;
using Gateway.Orders.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.Orders.Status;

/// <summary>
/// Runs on every instance: each round takes the open orders that are due (leased, so instances share the work without
/// checking one order twice) and asks the ERP for their status. The lease outlasts a round, so orders leased by an
/// instance that died are checked again once it lapses; an instance that stops gives back the orders of its round it
/// has not checked, so another takes them at once.
/// </summary>
internal sealed class OrderStatusPoller(
    IOpenOrders openOrders,
    OrderStatusFeed feed,
    IOptions<OrdersOptions> options,
    TimeProvider time,
    ILogger<OrderStatusPoller> logger) : BackgroundService
{
    const int ChecksAtOnce = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.StatusPollInterval;
        var lease = interval * 4 > TimeSpan.FromSeconds(2) ? interval * 4 : TimeSpan.FromSeconds(2);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var due = await TakeDueAsync(lease, stoppingToken);
                await CheckAllAsync(due, stoppingToken);
                if (due.Count < options.Value.StatusPollBatch)
                {
                    await Task.Delay(interval, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the orders of the round that were not checked have been given back.
        }
    }

    async Task CheckAllAsync(IReadOnlyList<string> due, CancellationToken stoppingToken)
    {
        var done = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        try
        {
            await Parallel.ForEachAsync(
                due,
                new ParallelOptions { MaxDegreeOfParallelism = ChecksAtOnce, CancellationToken = stoppingToken },
                async (orderId, ct) =>
                {
                    await CheckAsync(orderId, ct);
                    done[orderId] = true;
                });
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Cancelled, or a check failed as the host stopped: either way the rest of the round is not checked here.
            await GiveBackAsync([.. due.Where(id => !done.ContainsKey(id))]);
            throw;
        }
    }

    /// <summary>On stopping: the stopping token is cancelled already, so the give-back has a deadline of its own.</summary>
    async Task GiveBackAsync(IReadOnlyCollection<string> notChecked)
    {
        if (notChecked.Count == 0)
        {
            return;
        }

        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await openOrders.GiveBackAsync(notChecked, time.GetUtcNow(), deadline.Token).WaitAsync(deadline.Token);
        }
        catch (Exception exception)
        {
            // Not given back: another instance checks them once the lease lapses.
            Log.QueueUnreachable(logger, exception.GetType().Name, exception);
        }
    }

    async Task<IReadOnlyList<string>> TakeDueAsync(TimeSpan lease, CancellationToken stoppingToken)
    {
        try
        {
            var now = time.GetUtcNow();
            return await openOrders.TakeDueAsync(now, now + lease, options.Value.StatusPollBatch, stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            Log.QueueUnreachable(logger, exception.GetType().Name, exception);
            return [];
        }
    }

    async Task CheckAsync(string orderId, CancellationToken stoppingToken)
    {
        try
        {
            await feed.RefreshAsync(orderId, stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            Log.StatusCheckFailed(logger, orderId, exception);
        }
    }
}
