using System.Globalization;
using Gateway.Core.Redis;
using Gateway.Edge.Scoping;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Versions.Usage;

/// <summary>
/// Usage counts in Redis, three hashes per subject and UTC day that share one hash tag, <c>{subject:day}</c>, so the
/// script that writes them runs on one node of a cluster and the days of one subject spread over the slots:
/// <list type="bullet">
/// <item><c>gateway:usage:{v1:&lt;yyyy-MM-dd&gt;}:routes</c>: field <c>ScopeKey.Of(callerId, route)</c> → calls;</item>
/// <item><c>gateway:usage:{v1:&lt;yyyy-MM-dd&gt;}:callers</c>: field callerId → calls;</item>
/// <item><c>gateway:usage:{v1:&lt;yyyy-MM-dd&gt;}:last</c>: field callerId → the latest call, Unix milliseconds (the maximum over instances).</item>
/// </list>
/// Each key expires <see cref="UsageOptions.RetentionDays"/> after its day. A flush is one script call per subject and
/// day, all pipelined.
/// </summary>
internal sealed class RedisUsageStore(RedisConnection redis, IOptions<UsageOptions> options) : IUsageStore
{
    const string Prefix = "gateway:usage:";

    // KEYS: routes, callers, last. ARGV[1]: expiry (Unix seconds); then per cell: route field, caller, calls, last ms.
    const string Add = """
        for i = 2, #ARGV, 4 do
          redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 2])
          redis.call('HINCRBY', KEYS[2], ARGV[i + 1], ARGV[i + 2])
          local last = tonumber(redis.call('HGET', KEYS[3], ARGV[i + 1]) or '0')
          if tonumber(ARGV[i + 3]) > last then redis.call('HSET', KEYS[3], ARGV[i + 1], ARGV[i + 3]) end
        end
        for k = 1, 3 do redis.call('EXPIREAT', KEYS[k], ARGV[1]) end
        return 1
        """;

    readonly UsageOptions _options = options.Value;

    public async Task AddAsync(IReadOnlyList<UsageDelta> deltas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deltas);
        var database = await redis.DatabaseAsync().WaitAsync(_options.RedisTimeout, cancellationToken);
        var writes = new List<Task>();
        foreach (var group in deltas.GroupBy(d => (d.Key.Subject, d.Key.Day)))
        {
            var (routes, callers, last) = Keys(group.Key.Subject, DateOnly.FromDayNumber(group.Key.Day));
            var expiresAt = new DateTimeOffset(DateOnly.FromDayNumber(group.Key.Day).AddDays(_options.RetentionDays + 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var args = new List<RedisValue> { expiresAt.ToUnixTimeSeconds() };
            foreach (var delta in group)
            {
                args.Add(ScopeKey.Of(delta.Key.CallerId, delta.Key.Route));
                args.Add(delta.Key.CallerId);
                args.Add(delta.Calls);
                args.Add(delta.LastCalledAtMs);
            }

            writes.Add(database.ScriptEvaluateAsync(Add, [routes, callers, last], [.. args]));
        }

        await Task.WhenAll(writes).WaitAsync(_options.RedisTimeout, cancellationToken);
    }

    public async Task<IReadOnlyList<UsageRow>> ReadAsync(string subject, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        var database = await redis.DatabaseAsync().WaitAsync(_options.RedisTimeout, cancellationToken);
        var days = Days(firstDay, lastDay);
        var reads = days.Select(day =>
        {
            var (routes, _, last) = Keys(subject, day);
            return (Day: day, Routes: database.HashGetAllAsync(routes), Last: database.HashGetAllAsync(last));
        }).ToList();
        await Task.WhenAll(reads.SelectMany(r => new Task[] { r.Routes, r.Last })).WaitAsync(_options.RedisTimeout, cancellationToken);

        var rows = new List<UsageRow>();
        foreach (var (day, routesRead, lastRead) in reads)
        {
            var lastOf = lastRead.Result.ToDictionary(e => e.Name.ToString(), e => (long)e.Value, StringComparer.Ordinal);
            foreach (var entry in routesRead.Result)
            {
                if (ScopeKey.Parts(entry.Name.ToString()) is [{ } caller, { } route])
                {
                    var at = lastOf.TryGetValue(caller, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : Start(day);
                    rows.Add(new UsageRow(caller, route, day, (long)entry.Value, at));
                }
            }
        }

        return rows;
    }

    public async Task<IReadOnlyList<CallerUsageRow>> ReadCallerAsync(
        string callerId, IReadOnlyList<string> subjects, DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var database = await redis.DatabaseAsync().WaitAsync(_options.RedisTimeout, cancellationToken);
        var reads = (
            from subject in subjects
            from day in Days(firstDay, lastDay)
            let keys = Keys(subject, day)
            select (Subject: subject, Day: day, Calls: database.HashGetAsync(keys.Callers, callerId), Last: database.HashGetAsync(keys.Last, callerId))).ToList();
        await Task.WhenAll(reads.SelectMany(r => new Task[] { r.Calls, r.Last })).WaitAsync(_options.RedisTimeout, cancellationToken);
        return [.. reads
            .Where(r => r.Calls.Result.HasValue)
            .Select(r => new CallerUsageRow(r.Subject, r.Day, (long)r.Calls.Result, r.Last.Result.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds((long)r.Last.Result) : Start(r.Day)))];
    }

    internal static (RedisKey Routes, RedisKey Callers, RedisKey Last) Keys(string subject, DateOnly day)
    {
        var tag = Prefix + "{" + subject + ":" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "}:";
        return (tag + "routes", tag + "callers", tag + "last");
    }

    static IEnumerable<DateOnly> Days(DateOnly firstDay, DateOnly lastDay)
    {
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
