using System.Globalization;
using Gateway.CanonicalApi.Problems;
using Gateway.CanonicalApi.Validation;
using Gateway.Edge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Gateway.Versions.Usage;

/// <summary>
/// <c>GET /admin/usage?version=v1&amp;since=2026-11-01</c> (or <c>field=Product.description</c>), scope <c>admin</c>:
/// who called a version or a deprecated GraphQL field, cluster-wide, how often and when last, with each caller's
/// calls per route. <c>since</c> and <c>until</c> are UTC days (or instants, read as their day); by default the last 30
/// days. Counts of other instances arrive within their flush interval (<see cref="UsageOptions.FlushInterval"/>);
/// this instance's are flushed before it reads.
/// </summary>
internal static class UsageEndpoints
{
    const int DefaultDays = 30;

    public static IEndpointRouteBuilder MapApiUsage(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/admin").WithTags("Admin").RequireAuthorization(Scopes.Admin).MapGet("/usage", GetUsage);
        return app;
    }

    static async Task<Results<Ok<UsageReport>, ValidationProblem>> GetUsage(
        IUsageStore store,
        UsageFlusher flusher,
        IOptions<UsageOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken,
        string? version = null,
        string? field = null,
        string? since = null,
        string? until = null)
    {
        var errors = new FieldErrors();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var oldest = today.AddDays(1 - options.Value.RetentionDays);
        string? subject = null;
        if ((version is null) == (field is null))
        {
            errors.Add(version is null ? "version" : "field", "Give one of version (v1) or field (Product.description).");
        }
        else if (version is not null)
        {
            subject = CanonicalVersions.IndexOf(version.Trim().ToLowerInvariant()) >= 0 ? version.Trim().ToLowerInvariant() : null;
            if (subject is null)
            {
                errors.Add("version", $"Must be one of {string.Join(", ", CanonicalVersions.All)}.");
            }
        }
        else
        {
            subject = VersionRules.IsFieldName(field!.Trim()) ? field.Trim() : null;
            if (subject is null)
            {
                errors.Add("field", "Must name a GraphQL field as Type.field (Product.description).");
            }
        }

        var from = Day(since, "since", today.AddDays(1 - DefaultDays), errors);
        var to = Day(until, "until", today, errors);
        if (from < oldest)
        {
            errors.Add("since", $"Counts are kept {options.Value.RetentionDays} days: since may be {oldest:yyyy-MM-dd} at the earliest.");
        }

        if (to < from)
        {
            errors.Add("until", "Must not be before since.");
        }

        if (errors.Count > 0)
        {
            return CanonicalProblems.Invalid(errors);
        }

        await flusher.FlushAsync(cancellationToken);
        var rows = await store.ReadAsync(subject!, from, to > today ? today : to, cancellationToken);
        var items = rows
            .GroupBy(r => r.CallerId, StringComparer.Ordinal)
            .Select(caller => new CallerUsageView(
                caller.Key,
                caller.Sum(r => r.Calls),
                caller.Max(r => r.LastCalledAt),
                [.. caller.GroupBy(r => r.Route, StringComparer.Ordinal)
                    .Select(route => new RouteUsageView(route.Key, route.Sum(r => r.Calls)))
                    .OrderByDescending(r => r.Calls).ThenBy(r => r.Route, StringComparer.Ordinal)]))
            .OrderByDescending(c => c.Calls).ThenBy(c => c.CallerId, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new UsageReport(version is null ? null : subject, field is null ? null : subject, from, to, items));
    }

    static DateOnly Day(string? text, string name, DateOnly fallback, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            return DateOnly.FromDateTime(instant.UtcDateTime);
        }

        errors.Add(name, "Must be a UTC day (2026-11-01) or an ISO 8601 instant.");
        return fallback;
    }
}

/// <summary>The answer of <c>GET /admin/usage</c>: one of <c>version</c> or <c>field</c>, the UTC days counted, and every caller.</summary>
public sealed record UsageReport(string? Version, string? Field, DateOnly Since, DateOnly Until, IReadOnlyList<CallerUsageView> Items);

/// <summary>One caller's calls over the days asked, the latest one, and its calls per route template.</summary>
public sealed record CallerUsageView(string CallerId, long Calls, DateTimeOffset LastCalledAt, IReadOnlyList<RouteUsageView> Routes);

/// <summary>Calls on one route template (<c>GET /v1/products/{sku}</c>).</summary>
public sealed record RouteUsageView(string Route, long Calls);
