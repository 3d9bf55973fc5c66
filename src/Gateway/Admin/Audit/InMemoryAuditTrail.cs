using System.Collections.Concurrent;

namespace Gateway.Admin.Audit;

/// <summary>The embedded audit trail: the last <see cref="Capacity"/> entries of this instance.</summary>
internal sealed class InMemoryAuditTrail : IAuditTrail
{
    public const int Capacity = 10_000;

    readonly ConcurrentQueue<AuditEntry> _entries = new();

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> LatestAsync(int count, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. _entries.TakeLast(count)]);
}
