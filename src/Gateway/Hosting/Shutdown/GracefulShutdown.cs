using Microsoft.Extensions.Options;

namespace Gateway.Hosting.Shutdown;

/// <summary>
/// The drain: as the host starts stopping (before the server or any background service stops), readiness already
/// fails (<see cref="DrainingCheck"/>) and this waits <see cref="ShutdownOptions.DrainDelay"/> while every request is
/// still served, answering with <c>Connection: close</c> so that clients reconnect elsewhere. Then the host stops the
/// server (requests in flight finish), then the background services (hand-offs finish or are released, leases go).
/// </summary>
internal sealed class GracefulShutdown(IOptions<ShutdownOptions> options, TimeProvider time, ILogger<GracefulShutdown> logger) : IHostedLifecycleService
{
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        var drain = options.Value.DrainDelay;
        Log.Draining(logger, drain.TotalSeconds);
        if (drain > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(drain, time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The shutdown timeout is shorter than the drain: stop now.
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken)
    {
        Log.Stopped(logger);
        return Task.CompletedTask;
    }
}
