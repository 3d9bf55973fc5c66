using System.Collections.Concurrent;
using Gateway.Orders.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.Orders.HandOff;

/// <summary>
/// Runs on every instance: keeps up to <see cref="OrdersOptions.HandOffConcurrency"/> orders in hand-off at once, taking
/// new entries (and abandoned ones) from the shared queue as slots free up, and renews its claim on those in hand every
/// <see cref="OrdersOptions.HandOffRenewInterval"/>. An order waiting out an ERP outage holds its slot, so an outage
/// slows intake of work, never loses it. On stop it takes nothing more, lets the ERP calls under way finish and
/// releases the orders still waiting for the ERP to the other instances.
/// </summary>
internal sealed class OrderHandOffWorker(
    IHandOffQueue queue,
    OrderHandOff handOff,
    IOptions<OrdersOptions> options,
    TimeProvider time,
    ILogger<OrderHandOffWorker> logger) : BackgroundService
{
    readonly ConcurrentDictionary<string, HandOffEntry> _inHand = new(StringComparer.Ordinal);
    readonly CancellationTokenSource _abort = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var concurrency = options.Value.HandOffConcurrency;
        using var slots = new SemaphoreSlim(concurrency, concurrency);
        using var renewing = new CancellationTokenSource();
        var renewals = RenewAsync(renewing.Token);
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
            // Stopping: nothing more is taken; what is in hand finishes or is released below.
        }

        // Claims stay renewed until the last one in hand is completed or released.
        await Task.WhenAll(running);
        await renewing.CancelAsync();
        await renewals;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Past the host's shutdown timeout, what is still in hand is abandoned: it stays pending and lapses to another instance.
        await using var abort = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
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
        _inHand[entry.EntryId] = entry;
        try
        {
            await handOff.HandAsync(entry, stoppingToken, _abort.Token);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            // Left pending on purpose.
        }
        catch (Exception exception)
        {
            // The entry stays pending, no longer renewed: after HandOffClaimIdle this or another instance takes it again.
            Log.HandOffFailed(logger, entry.OrderId, exception);
        }
        finally
        {
            _inHand.TryRemove(entry.EntryId, out _);
            slots.Release();
        }
    }

    async Task RenewAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.HandOffRenewInterval, time);
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (_inHand.IsEmpty)
                {
                    continue;
                }

                try
                {
                    await queue.RenewAsync([.. _inHand.Values], cancellationToken);
                    failing = false;
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    // Told once per outage, not once per interval.
                    if (!failing)
                    {
                        Log.RenewFailed(logger, exception.GetType().Name);
                    }

                    failing = true;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The worker has stopped.
        }
    }
}
