using System.Diagnostics.Metrics;
using Gateway.Versions.Usage;

namespace Gateway.Versions;

/// <summary>
/// The versions' meter, published on <c>/metrics</c>: calls per version (<c>gateway_api_version_calls_total</c>, label
/// <c>api_version</c>) and per deprecated GraphQL field (<c>gateway_graphql_deprecated_field_calls_total</c>, label
/// <c>graphql_field</c>), this instance's since it started. Never a caller in the labels: who calls what is
/// <c>/admin/usage</c>. Observed from <see cref="UsageCounter"/>'s totals at each scrape, so requests pay nothing for it.
/// </summary>
internal sealed class VersionsTelemetry : IDisposable
{
    public const string Name = "Gateway.Versions";
    public const string VersionTag = "api.version";
    public const string FieldTag = "graphql.field";

    readonly Meter _meter;

    public VersionsTelemetry(IMeterFactory meters, UsageCounter usage)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(Name);
        _meter.CreateObservableCounter(
            "gateway.api.version.calls",
            () => Measure(usage, fields: false, VersionTag),
            description: "Calls of each version of the canonical API that passed the edge, on this instance.");
        _meter.CreateObservableCounter(
            "gateway.graphql.deprecated_field.calls",
            () => Measure(usage, fields: true, FieldTag),
            description: "GraphQL operations that selected a field deprecated by Versions:GraphQL:Fields, on this instance.");
    }

    // Fields are named Type.field; versions never hold a dot.
    static IEnumerable<Measurement<long>> Measure(UsageCounter usage, bool fields, string tag) =>
        usage.Totals()
            .Where(t => t.Key.Contains('.', StringComparison.Ordinal) == fields)
            .Select(t => new Measurement<long>(t.Value, new KeyValuePair<string, object?>(tag, t.Key)));

    public void Dispose() => _meter.Dispose();
}
