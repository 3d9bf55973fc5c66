using Gateway.Operations.Console;

namespace Gateway.Versions.Usage;

/// <summary>
/// Feeds the console's "versions and deprecated fields still called" panel: for every deprecated version and every
/// deprecated GraphQL field, each caller's calls over the last 30 days, cluster-wide, from the same counts as
/// <c>/admin/usage</c>.
/// </summary>
internal sealed class ConsoleVersionUsage(IUsageStore store, UsageFlusher flusher, VersionPolicies policies, TimeProvider time) : IVersionUsageSource
{
    const int Days = 30;

    public async Task<VersionUsageView> CurrentAsync(CancellationToken cancellationToken)
    {
        var rules = policies.Current;
        string[] subjects =
        [
            .. rules.Versions.Values.Where(v => v.DeprecatedAt is not null).Select(v => v.Version),
            .. rules.Fields.Keys,
        ];
        await flusher.FlushAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var items = new List<VersionUsageItem>();
        foreach (var subject in subjects)
        {
            var rows = await store.ReadAsync(subject, today.AddDays(1 - Days), today, cancellationToken);
            items.AddRange(rows
                .GroupBy(r => r.CallerId, StringComparer.Ordinal)
                .Select(g => new VersionUsageItem(subject, g.Key, g.Sum(r => r.Calls), g.Max(r => r.LastCalledAt))));
        }

        return new VersionUsageView(true, [.. items.OrderByDescending(i => i.LastCalledAt)]);
    }
}
