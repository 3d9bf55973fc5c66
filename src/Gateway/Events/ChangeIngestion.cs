using Gateway.Caching;
using Gateway.Core.Events;

namespace Gateway.Events;

/// <summary>
/// Where every change event enters, whichever ERP channel brought it (webhook or legacy feed): recorded once
/// cluster-wide by the <see cref="IChangeLedger"/> (replays and older sequences have no effect), published to every
/// instance, the shared level invalidated once; this instance's L1 at once, the others' when they read the event; then
/// the <see cref="IChangeObserver"/>s (order status, for one) hear of it.
/// </summary>
internal sealed class ChangeIngestion(
    IChangeLedger ledger,
    CacheStore store,
    IEnumerable<IChangeObserver> observers,
    FreshnessWindow freshness,
    TimeProvider time,
    ILogger<ChangeIngestion> logger)
{
    public async Task<IngestResult> IngestAsync(ErpChange change, string source, CancellationToken cancellationToken)
    {
        var stale = CacheKeys.StaleAfter(change);
        IngestResult result;
        try
        {
            result = await ledger.RecordAsync(change, stale, cancellationToken);
        }
        catch (ChangeLedgerUnavailableException)
        {
            // Not recorded, so the sender will deliver it again; meanwhile this instance at least stops serving the old value.
            Invalidate(stale);
            EventsTelemetry.NotRecorded(change, source);
            throw;
        }

        EventsTelemetry.Received(change, source, result);
        if (result == IngestResult.Applied)
        {
            Invalidate(stale);
            var now = time.GetUtcNow();
            EventsTelemetry.Applied(change, now);
            freshness.Record(change.Type, now - change.OccurredAt);
            foreach (var observer in observers)
            {
                observer.OnApplied(change);
            }
        }

        Log.ChangeIngested(logger, change.EventId, change.Type, change.Sequence, source, result);
        return result;
    }

    void Invalidate(IReadOnlyList<string> keys)
    {
        foreach (var key in keys)
        {
            store.InvalidateLocal(key);
        }
    }
}

/// <summary>What became of an incoming event.</summary>
internal enum IngestResult
{
    /// <summary>New: published and invalidated.</summary>
    Applied,

    /// <summary>Its event id was seen before: no effect.</summary>
    Duplicate,

    /// <summary>An event with the same or a higher sequence for the same entity was applied before: no effect.</summary>
    Outdated,
}

/// <summary>The cluster's record of applied events: once per event id, in sequence order per entity.</summary>
internal interface IChangeLedger
{
    /// <summary>Records <paramref name="change"/> unless it is a replay or outdated; when new, invalidates <paramref name="staleKeys"/> in L2 and publishes the change to every instance.</summary>
    /// <exception cref="ChangeLedgerUnavailableException">Redis is away: the change was not recorded.</exception>
    Task<IngestResult> RecordAsync(ErpChange change, IReadOnlyList<string> staleKeys, CancellationToken cancellationToken);
}

/// <summary>The ledger (Redis) cannot be reached; the event was not recorded and must be delivered again.</summary>
internal sealed class ChangeLedgerUnavailableException(Exception? inner)
    : Exception("The change ledger (Redis) is unavailable.", inner);
