namespace Gateway.Versions.Usage;

/// <summary>The cluster's usage counts: Redis when <c>ConnectionStrings:Redis</c> is set, memory on a single node.</summary>
public interface IUsageStore
{
    /// <summary>Adds the counts of one instance's flush.</summary>
    Task AddAsync(IReadOnlyList<UsageDelta> deltas, CancellationToken cancellationToken);

    /// <summary>Every caller's calls of <paramref name="subject"/>, per route, on each day from <paramref name="firstDay"/> to <paramref name="lastDay"/>.</summary>
    Task<IReadOnlyList<UsageRow>> ReadAsync(string subject, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken);

    /// <summary>One caller's calls of each of <paramref name="subjects"/> from <paramref name="firstDay"/> to <paramref name="lastDay"/>, per subject and day.</summary>
    Task<IReadOnlyList<CallerUsageRow>> ReadCallerAsync(string callerId, IReadOnlyList<string> subjects, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken);
}

/// <summary>A caller's calls on one route on one day, and when it last called the subject that day.</summary>
public sealed record UsageRow(string CallerId, string Route, DateOnly Day, long Calls, DateTimeOffset LastCalledAt);

/// <summary>A caller's calls of a subject on one day.</summary>
public sealed record CallerUsageRow(string Subject, DateOnly Day, long Calls, DateTimeOffset LastCalledAt);
