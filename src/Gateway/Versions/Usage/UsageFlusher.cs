using Gateway.Core.Redis;
using Microsoft.Extensions.Options;

namespace Gateway.Versions.Usage;

/// <summary>
/// Writes this instance's counts (<see cref="UsageCounter"/>) to the <see cref="IUsageStore"/> every
/// <see cref="UsageOptions.FlushInterval"/>, and once more on shutdown. A failed flush puts its counts back: they go
/// with the next one, so an outage of Redis delays the counts, and loses none while this process lives.
/// </summary>
internal sealed class UsageFlusher(
    UsageCounter counter, IUsageStore store, IOptions<UsageOptions> options, TimeProvider time, ILogger<UsageFlusher> logger) : BackgroundService
{
    /// <summary>Flushes now: what a reader that must see every count so far (a test, a shutdown) calls.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var deltas = counter.Drain();
        if (deltas.Count == 0)
        {
            return;
        }

        try
        {
            await store.AddAsync(deltas, cancellationToken);
        }
        catch (Exception error) when (RedisFailures.IsFailure(error) || error is TimeoutException or OperationCanceledException)
        {
            counter.Restore(deltas);
            Log.FlushFailed(logger, error.GetType().Name, deltas.Count);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }
}
