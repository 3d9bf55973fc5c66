using System.Collections.Concurrent;
using Gateway.ChannelEvents.Storage;
using Microsoft.Extensions.Options;

namespace Gateway.ChannelEvents.Delivery;

/// <summary>
/// Runs on every instance: each <see cref="WebhooksOptions.PollInterval"/> it looks for enabled endpoints with queued
/// events that no lane of this instance serves, takes the lease of each it can (one instance per endpoint cluster-wide)
/// and starts an <see cref="EndpointLane"/> for it, at most <see cref="WebhooksOptions.MaxActiveEndpoints"/> at once.
/// When an instance dies its leases lapse and the others take its endpoints over; a stopping instance gives them back at once.
/// </summary>
internal sealed class WebhookDispatcher(
    WebhookDirectory directory,
    IWebhookOutbox outbox,
    WebhookSender sender,
    IOptions<WebhooksOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    readonly string _holder = Environment.MachineName + ":" + Environment.ProcessId + ":" + Guid.NewGuid().ToString("N");
    readonly ConcurrentDictionary<string, Task> _lanes = new(StringComparer.Ordinal);

    /// <summary>This instance's name on the endpoint leases it holds.</summary>
    internal string Holder => _holder;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await StartLanesAsync(stoppingToken);
                await Task.Delay(options.Value.PollInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the lanes end and release their leases below.
        }
        finally
        {
            await Task.WhenAll(_lanes.Values);
        }
    }

    async Task StartLanesAsync(CancellationToken stoppingToken)
    {
        try
        {
            var idle = (await directory.CurrentAsync(stoppingToken))
                .Where(s => !s.Disabled && !_lanes.ContainsKey(s.Endpoint.WebhookId))
                .Select(s => s.Endpoint.WebhookId)
                .ToList();
            if (idle.Count == 0)
            {
                return;
            }

            foreach (var webhookId in await outbox.WithWorkAsync(idle))
            {
                if (_lanes.Count >= options.Value.MaxActiveEndpoints)
                {
                    return;
                }

                if (await outbox.TryHoldAsync(webhookId, _holder, options.Value.LeaseDuration))
                {
                    var lane = new EndpointLane(webhookId, _holder, directory, outbox, sender, options, time, logger);
                    _lanes[webhookId] = RunLaneAsync(webhookId, lane, stoppingToken);
                }
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            Log.DirectoryFailed(logger, exception.GetType().Name);
        }
    }

    async Task RunLaneAsync(string webhookId, EndpointLane lane, CancellationToken stoppingToken)
    {
        // Off the dispatcher's loop at once: one lane's first await never holds up the start of the next.
        await Task.Yield();
        try
        {
            await lane.RunAsync(stoppingToken);
        }
        catch (Exception exception)
        {
            // Never thrown on: the next round starts the endpoint again, and a stopping host awaits every lane.
            Log.LaneFailed(logger, webhookId, exception.GetType().Name);
        }
        finally
        {
            _lanes.TryRemove(webhookId, out _);
        }
    }
}
