using Gateway.Core.Events;
using Microsoft.Extensions.Caching.Memory;

namespace Gateway.Events;

/// <summary>The embedded (single-node) ledger: the same rules in memory; publishing is the local invalidation itself.</summary>
internal sealed class MemoryChangeLedger(EventsOptions options) : IChangeLedger, IDisposable
{
    readonly Lock _lock = new();
    readonly MemoryCache _seen = new(new MemoryCacheOptions());
    readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);

    public Task<IngestResult> RecordAsync(ErpChange change, IReadOnlyList<string> staleKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var scope = Caching.CacheKeys.SequenceScope(change);
        lock (_lock)
        {
            if (_seen.TryGetValue(change.EventId, out _))
            {
                return Task.FromResult(IngestResult.Duplicate);
            }

            _seen.Set(change.EventId, true, options.ReplayWindow);
            if (_sequences.TryGetValue(scope, out var applied) && change.Sequence <= applied)
            {
                return Task.FromResult(IngestResult.Outdated);
            }

            _sequences[scope] = change.Sequence;
            return Task.FromResult(IngestResult.Applied);
        }
    }

    public void Dispose() => _seen.Dispose();
}
