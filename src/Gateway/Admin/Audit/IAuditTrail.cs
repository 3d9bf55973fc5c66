namespace Gateway.Admin.Audit;

/// <summary>The append-only record of admin actions: the Redis stream <c>gateway:audit</c>, or memory when embedded.</summary>
public interface IAuditTrail
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The most recent entries, newest last.</summary>
    Task<IReadOnlyList<AuditEntry>> LatestAsync(int count, CancellationToken cancellationToken);
}
