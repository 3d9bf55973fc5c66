using Gateway.Orders.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.Orders.HandOff;

/// <summary>
/// Runs on every instance: keeps up to <see cref="OrdersOptions.HandOffConcurrency"/> orders in hand-off at once, taking
/// new entries (and abandoned ones) from the shared queue as slots free up. An order waiting out an ERP outage holds its
/// slot, so an outage slows intake of work, never loses it.
/// </summary>
internal sealed class OrderHandOffWorker(
    IHandOffQueue queue,
    OrderHandOff handOff,
    IOptions<OrdersOptions> options,
    TimeProvider time,
    ILogger<OrderHandOffWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var concurrency = options.Value.HandOffConcurrency;
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        var running = new HashSet<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var free = 1;
                while (free < concurrency && slots.Wait(0, stoppingToken))
                {
                    free++;
                }

                var entries = await TakeAsync(free, stoppingToken);
                if (free > entries.Count)
                {
                    slots.Release(free - entries.Count);
                }

                running.RemoveWhere(t => t.IsCompleted);
                foreach (var entry in entries)
                {
                    running.Add(HandAsync(entry, slots, stoppingToken));
                }

                if (entries.Count == 0)
                {
                    await Task.Delay(options.Value.HandOffPollInterval, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: unfinished entries stay pending and another instance (or this one, restarted) takes them.
        }

        await Task.WhenAll(running);
    }

    async Task<IReadOnlyList<HandOffEntry>> TakeAsync(int max, CancellationToken stoppingToken)
    {
        try
        {
            return await queue.TakeAsync(max, stoppingToken);
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            Log.QueueUnreachable(logger, exception.GetType().Name, exception);
            return [];
        }
    }

    async Task HandAsync(HandOffEntry entry, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await handOff.HandAsync(entry, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Left pending on purpose.
        }
        catch (Exception exception)
        {
            // The entry stays pending: after HandOffClaimIdle this or another instance takes it again.
            Log.HandOffFailed(logger, entry.OrderId, exception);
        }
        finally
        {
            slots.Release();
        }
    }
}
