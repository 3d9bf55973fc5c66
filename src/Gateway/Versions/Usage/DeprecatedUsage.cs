namespace Gateway.Versions.Usage;

/// <summary>One caller's calls of what is deprecated now: the versions with a deprecation date and the deprecated GraphQL fields.</summary>
internal sealed class DeprecatedUsage(IUsageStore store, UsageFlusher flusher, TimeProvider time)
{
    /// <summary>Per deprecated version or field the caller called in the last <paramref name="days"/> UTC days (today included), most recent first.</summary>
    public async Task<IReadOnlyList<DeprecatedUseView>> OfAsync(string callerId, VersionRules rules, int days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var versions = rules.Versions.Values.Where(v => v.DeprecatedAt is not null).ToDictionary(v => v.Version, StringComparer.Ordinal);
        string[] subjects = [.. versions.Keys, .. rules.Fields.Keys];
        if (subjects.Length == 0)
        {
            return [];
        }

        // This instance's own latest calls first: the caller sees its call of a moment ago.
        await flusher.FlushAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rows = await store.ReadCallerAsync(callerId, subjects, today.AddDays(1 - days), today, cancellationToken);
        return [.. rows
            .GroupBy(r => r.Subject, StringComparer.Ordinal)
            .Select(g =>
            {
                var version = versions.GetValueOrDefault(g.Key);
                var field = version is null ? rules.Fields.GetValueOrDefault(g.Key) : null;
                return new DeprecatedUseView(
                    version?.Version,
                    field?.Name,
                    g.Sum(r => r.Calls),
                    g.Max(r => r.LastCalledAt),
                    version?.DeprecatedAt ?? field?.DeprecatedAt,
                    version?.SunsetAt ?? field?.SunsetAt,
                    field?.Reason);
            })
            .OrderByDescending(u => u.LastCalledAt)];
    }
}

/// <summary>A deprecated version (<c>version</c>) or GraphQL field (<c>field</c>) a caller still calls, and until when it may.</summary>
public sealed record DeprecatedUseView(
    string? Version,
    string? Field,
    long Calls,
    DateTimeOffset LastCalledAt,
    DateTimeOffset? DeprecatedAt,
    DateTimeOffset? SunsetAt,
    string? Reason);
