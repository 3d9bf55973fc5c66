using Gateway.Caching;
using Gateway.Core.Erp;
using Gateway.Core.Events;
using Gateway.Core.Redis;
using Gateway.Erp;
using Gateway.Erp.Routing;
using Microsoft.Extensions.Options;

namespace Gateway.Events;

/// <summary>
/// Polls the legacy ERP's <c>GetChanges(sinceToken)</c> on one instance of the cluster (see <see cref="IFeedLease"/>)
/// and ingests what it finds like a webhook. Runs when a domain's system of record is the legacy ERP (or when told
/// to); the same event arriving by webhook too is a duplicate by its event id. Background ERP traffic.
/// </summary>
internal sealed class LegacyFeedPoller(
    IErpChangeFeed feed,
    IFeedLease lease,
    ChangeIngestion ingestion,
    IOptionsMonitor<EventsOptions> options,
    IOptionsMonitor<ErpRoutingOptions> routing,
    TimeProvider time,
    ILogger<LegacyFeedPoller> logger) : BackgroundService
{
    const int PageSize = 500;
    bool _holding;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                full = IsEnabled() && await PollOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is ErpUnavailableException or ErpTimeoutException or ChangeLedgerUnavailableException
                || RedisFailures.IsOutage(exception))
            {
                // Nothing is lost: the checkpoint only moves after a page is ingested.
                Log.FeedFailed(logger, exception.GetType().Name);
                _holding = false;
            }

            if (!full)
            {
                await Task.Delay(options.CurrentValue.LegacyPollInterval, time, stoppingToken);
            }
        }
    }

    /// <summary>Once the last poll has ended: the lease goes back, so another instance polls without waiting for it to lapse.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!_holding)
        {
            return;
        }

        try
        {
            await lease.ReleaseAsync();
            _holding = false;
            Log.LeaseReleased(logger);
        }
        catch (Exception exception) when (RedisFailures.IsOutage(exception))
        {
            // Redis is away: the lease lapses after Events:LeaseDuration, as a dead holder's would.
            Log.FeedFailed(logger, exception.GetType().Name);
        }
    }

    /// <returns>True when the page was full: more changes are waiting.</returns>
    async Task<bool> PollOnceAsync(CancellationToken cancellationToken)
    {
        if (!await lease.TryHoldAsync())
        {
            _holding = false;
            return false;
        }

        var token = await lease.CheckpointAsync();
        if (!_holding)
        {
            _holding = true;
            Log.LeaseTaken(logger, token);
        }

        ChangePage page;
        using (ErpTraffic.Background())
        {
            page = await feed.ReadAsync(token, PageSize, cancellationToken);
        }

        foreach (var change in page.Changes)
        {
            await ingestion.IngestAsync(change, "legacy-feed", cancellationToken);
        }

        if (page.NextToken != token)
        {
            await lease.SaveCheckpointAsync(page.NextToken);
        }

        return page.Changes.Count >= PageSize;
    }

    bool IsEnabled() => options.CurrentValue.LegacyFeed switch
    {
        LegacyFeedMode.On => true,
        LegacyFeedMode.Off => false,
        _ => Enum.GetValues<ErpDomain>().Any(d => routing.CurrentValue.For(d) == ErpSystem.Legacy),
    };
}
