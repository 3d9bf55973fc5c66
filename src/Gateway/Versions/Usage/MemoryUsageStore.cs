using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Gateway.Versions.Usage;

/// <summary>
/// Usage counts of a single node (no <c>ConnectionStrings:Redis</c>), laid out as in Redis: per subject and day, calls
/// per caller and route and each caller's latest call. Days older than <see cref="UsageOptions.RetentionDays"/> are
/// dropped on each flush, so memory is bounded by the counter's cells times the retention.
/// </summary>
internal sealed class MemoryUsageStore(IOptions<UsageOptions> options, TimeProvider time) : IUsageStore
{
    readonly ConcurrentDictionary<(string Subject, int Day), DayUsage> _days = new();

    public Task AddAsync(IReadOnlyList<UsageDelta> deltas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        foreach (var delta in deltas)
        {
            _days.GetOrAdd((delta.Key.Subject, delta.Key.Day), static _ => new DayUsage()).Add(delta);
        }

        var oldest = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-options.Value.RetentionDays).DayNumber;
        foreach (var key in _days.Keys.Where(k => k.Day < oldest))
        {
            _days.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<UsageRow>> ReadAsync(string subject, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var rows = new List<UsageRow>();
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            if (_days.TryGetValue((subject, day.DayNumber), out var usage))
            {
                rows.AddRange(usage.Rows(day));
            }
        }

        return Task.FromResult<IReadOnlyList<UsageRow>>(rows);
    }

    public Task<IReadOnlyList<CallerUsageRow>> ReadCallerAsync(
        string callerId, IReadOnlyList<string> subjects, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var rows = new List<CallerUsageRow>();
        foreach (var subject in subjects)
        {
            for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
            {
                if (_days.TryGetValue((subject, day.DayNumber), out var usage) && usage.Of(callerId) is { } found)
                {
                    rows.Add(new CallerUsageRow(subject, day, found.Calls, found.LastCalledAt));
                }
            }
        }

        return Task.FromResult<IReadOnlyList<CallerUsageRow>>(rows);
    }

    sealed class DayUsage
    {
        readonly Lock _lock = new();
        readonly Dictionary<(string CallerId, string Route), long> _routes = [];
        readonly Dictionary<string, (long Calls, long LastMs)> _callers = new(StringComparer.Ordinal);

        public void Add(UsageDelta delta)
        {
            lock (_lock)
            {
                var route = (delta.Key.CallerId, delta.Key.Route);
                _routes[route] = _routes.GetValueOrDefault(route) + delta.Calls;
                var caller = _callers.GetValueOrDefault(delta.Key.CallerId);
                _callers[delta.Key.CallerId] = (caller.Calls + delta.Calls, Math.Max(caller.LastMs, delta.LastCalledAtMs));
            }
        }

        public IEnumerable<UsageRow> Rows(DateOnly day)
        {
            lock (_lock)
            {
                return [.. _routes.Select(r => new UsageRow(
                    r.Key.CallerId, r.Key.Route, day, r.Value, DateTimeOffset.FromUnixTimeMilliseconds(_callers[r.Key.CallerId].LastMs)))];
            }
        }

        public (long Calls, DateTimeOffset LastCalledAt)? Of(string callerId)
        {
            lock (_lock)
            {
                return _callers.TryGetValue(callerId, out var found) ? (found.Calls, DateTimeOffset.FromUnixTimeMilliseconds(found.LastMs)) : null;
            }
        }
    }
}
