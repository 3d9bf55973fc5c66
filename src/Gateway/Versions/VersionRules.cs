using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Asp.Versioning;
using Microsoft.Extensions.Primitives;

namespace Gateway.Versions;

/// <summary>
/// One configuration of <see cref="VersionsOptions"/>, read and checked once: each version's headers are rendered here
/// as strings (by Asp.Versioning's writers of <see cref="DeprecationPolicy"/> and <see cref="SunsetPolicy"/>), so an
/// answer only assigns them. Immutable; <see cref="VersionPolicies"/> swaps the whole set on a reload.
/// </summary>
public sealed partial class VersionRules
{
    const string SupportedHeaderValueSeparator = ", ";

    VersionRules(FrozenDictionary<string, VersionRule> versions, FrozenDictionary<string, FieldRule> fields)
    {
        Versions = versions;
        Fields = fields;
        SupportedVersionsHeader = string.Join(SupportedHeaderValueSeparator, CanonicalVersions.ApiVersions);
        var transitions = versions.Values.Where(v => v.DeprecatedAt is not null).Select(v => v.DeprecatedAt!.Value).Distinct().Order().ToArray();
        _deprecationTransitions = transitions;
        _deprecatedHeaders = [.. transitions.Select(at => DeprecatedList(versions, at))];
    }

    readonly DateTimeOffset[] _deprecationTransitions;
    readonly string[] _deprecatedHeaders;

    /// <summary>No version or field deprecated: the default.</summary>
    public static VersionRules None { get; } = Compile(new VersionsOptions(), out _)!;

    /// <summary>Every served version's rule, by name (<c>v1</c>).</summary>
    public FrozenDictionary<string, VersionRule> Versions { get; }

    /// <summary>Deprecated GraphQL fields by <c>Type.field</c>.</summary>
    public FrozenDictionary<string, FieldRule> Fields { get; }

    /// <summary><c>api-supported-versions</c>: every served version, as Asp.Versioning formats them (<c>1, 2</c>).</summary>
    public string SupportedVersionsHeader { get; }

    /// <summary><c>api-deprecated-versions</c> at <paramref name="now"/>: the versions whose deprecation has begun; null when none.</summary>
    public string? DeprecatedVersionsHeader(DateTimeOffset now)
    {
        string? header = null;
        for (var i = 0; i < _deprecationTransitions.Length && _deprecationTransitions[i] <= now; i++)
        {
            header = _deprecatedHeaders[i];
        }

        return header;
    }

    /// <summary>
    /// Reads <paramref name="options"/>; null with <paramref name="errors"/> naming each bad key (<c>Versions:v1:SunsetAt</c>)
    /// when any value is unreadable, a sunset is not after its deprecation, or a key names no version.
    /// </summary>
    public static VersionRules? Compile(VersionsOptions options, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        foreach (var name in options.Keys)
        {
            if (CanonicalVersions.IndexOf(name.ToLowerInvariant()) < 0 && !string.Equals(name, VersionsOptions.GraphQLKey, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{Key(name)} names no version of the API (served: {string.Join(", ", CanonicalVersions.All)}; GraphQL fields go under {Key(VersionsOptions.GraphQLKey, "Fields")}).");
            }
        }

        var versions = new Dictionary<string, VersionRule>(StringComparer.Ordinal);
        foreach (var version in CanonicalVersions.All)
        {
            var lifecycle = options.TryGetValue(version, out var configured) ? configured : new VersionLifecycleOptions();
            versions[version] = ReadVersion(version, lifecycle, problems);
        }

        var fields = new Dictionary<string, FieldRule>(StringComparer.Ordinal);
        if (options.TryGetValue(VersionsOptions.GraphQLKey, out var graphQL))
        {
            foreach (var property in new[] { (nameof(graphQL.DeprecatedAt), graphQL.DeprecatedAt), (nameof(graphQL.SunsetAt), graphQL.SunsetAt), (nameof(graphQL.PolicyUrl), graphQL.PolicyUrl) })
            {
                if (property.Item2 is not null)
                {
                    problems.Add($"{Key(VersionsOptions.GraphQLKey, property.Item1)}: GraphQL has no versions; deprecate its fields under {Key(VersionsOptions.GraphQLKey, "Fields")}.");
                }
            }

            foreach (var (name, field) in graphQL.Fields)
            {
                if (ReadField(name, field, problems) is { } rule)
                {
                    fields[name] = rule;
                }
            }
        }

        errors = problems;
        return problems.Count > 0 ? null : new VersionRules(versions.ToFrozenDictionary(StringComparer.Ordinal), fields.ToFrozenDictionary(StringComparer.Ordinal));
    }

    static VersionRule ReadVersion(string version, VersionLifecycleOptions lifecycle, List<string> problems)
    {
        if (lifecycle.Fields.Count > 0)
        {
            problems.Add($"{Key(version, "Fields")}: only {Key(VersionsOptions.GraphQLKey, "Fields")} names deprecated fields.");
        }

        var deprecatedAt = Instant(lifecycle.DeprecatedAt, problems, version, nameof(lifecycle.DeprecatedAt));
        var sunsetAt = Instant(lifecycle.SunsetAt, problems, version, nameof(lifecycle.SunsetAt));
        var policy = Url(lifecycle.PolicyUrl, problems, version, nameof(lifecycle.PolicyUrl));
        if (deprecatedAt is not null && sunsetAt is not null && sunsetAt <= deprecatedAt)
        {
            problems.Add($"{Key(version, nameof(lifecycle.SunsetAt))} ({Format(sunsetAt.Value)}) must be after {Key(version, nameof(lifecycle.DeprecatedAt))} ({Format(deprecatedAt.Value)}): a version cannot go before it is deprecated.");
        }

        if (sunsetAt is not null && CanonicalVersions.SuccessorOf(version) == version)
        {
            problems.Add($"{Key(version, nameof(lifecycle.SunsetAt))}: {version} is the newest version; a sunset needs a successor to send callers to.");
        }

        var extensions = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var (partnerId, until) in lifecycle.Extensions)
        {
            if (Instant(until, problems, version, "Extensions", partnerId) is not { } end)
            {
                continue;
            }

            if (sunsetAt is null)
            {
                problems.Add($"{Key(version, "Extensions", partnerId)}: an extension needs {Key(version, nameof(lifecycle.SunsetAt))} to extend.");
            }
            else if (end <= sunsetAt)
            {
                problems.Add($"{Key(version, "Extensions", partnerId)} ({Format(end)}) must be after {Key(version, nameof(lifecycle.SunsetAt))} ({Format(sunsetAt.Value)}).");
            }

            extensions[partnerId] = end;
        }

        return VersionRule.Create(version, deprecatedAt, sunsetAt, policy, extensions.ToFrozenDictionary(StringComparer.Ordinal));
    }

    static FieldRule? ReadField(string name, FieldDeprecationOptions field, List<string> problems)
    {
        var key = Key(VersionsOptions.GraphQLKey, "Fields", name);
        var ok = true;
        if (!IsFieldName(name))
        {
            problems.Add($"{key}: a field is named Type.field (Product.description).");
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(field.Reason))
        {
            problems.Add($"{key}:Reason is required: it is the text of @deprecated(reason:).");
            ok = false;
        }

        var deprecatedAt = Instant(field.DeprecatedAt, problems, VersionsOptions.GraphQLKey, "Fields", name, nameof(field.DeprecatedAt));
        var sunsetAt = Instant(field.SunsetAt, problems, VersionsOptions.GraphQLKey, "Fields", name, nameof(field.SunsetAt));
        var policy = Url(field.PolicyUrl, problems, VersionsOptions.GraphQLKey, "Fields", name, nameof(field.PolicyUrl));
        if (deprecatedAt is not null && sunsetAt is not null && sunsetAt <= deprecatedAt)
        {
            problems.Add($"{key}:SunsetAt ({Format(sunsetAt.Value)}) must be after {key}:DeprecatedAt ({Format(deprecatedAt.Value)}).");
            ok = false;
        }

        return ok ? new FieldRule(name, field.Reason!.Trim(), deprecatedAt, sunsetAt, policy) : null;
    }

    static DateTimeOffset? Instant(string? text, List<string> problems, params string[] key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            // Whole seconds: the headers carry seconds, and a rule must mean what its header says.
            return new DateTimeOffset(instant.Ticks - (instant.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        }

        problems.Add($"{Key(key)} is not an ISO 8601 instant (2026-06-30T00:00:00Z).");
        return null;
    }

    static Uri? Url(string? text, List<string> problems, params string[] key)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            return url;
        }

        problems.Add($"{Key(key)} must be an absolute http(s) URL.");
        return null;
    }

    static string DeprecatedList(IReadOnlyDictionary<string, VersionRule> versions, DateTimeOffset at) => string.Join(
        SupportedHeaderValueSeparator,
        CanonicalVersions.All.Select((v, i) => (Rule: versions[v], Version: CanonicalVersions.ApiVersions[i]))
            .Where(v => v.Rule.DeprecatedAt <= at)
            .Select(v => v.Version));

    internal static string Key(params string[] parts) => VersionsOptions.SectionName + ":" + string.Join(':', parts);

    static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Whether <paramref name="name"/> is a GraphQL field's name as the configuration writes it: <c>Type.field</c>.</summary>
    public static bool IsFieldName(string name) => FieldName().IsMatch(name);

    [GeneratedRegex("^[_A-Za-z][_0-9A-Za-z]*\\.[_A-Za-z][_0-9A-Za-z]*$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();
}

/// <summary>One version's lifecycle with its headers rendered.</summary>
/// <param name="LinkHeaders">The <c>Link</c> values for the deprecation and sunset policy pages; empty without a policy URL.</param>
/// <param name="Extensions">Partner id to the end of its extension past <see cref="SunsetAt"/>.</param>
public sealed record VersionRule(
    string Version,
    DateTimeOffset? DeprecatedAt,
    DateTimeOffset? SunsetAt,
    Uri? PolicyUrl,
    string? DeprecationHeader,
    string? SunsetHeader,
    StringValues LinkHeaders,
    FrozenDictionary<string, DateTimeOffset> Extensions)
{
    const string DeprecationName = "Deprecation";
    const string SunsetName = "Sunset";
    const string LinkName = "Link";

    /// <summary>Whether the version announces anything: a deprecation or a sunset.</summary>
    public bool HasLifecycle => DeprecationHeader is not null || SunsetHeader is not null;

    /// <summary>Whether <paramref name="partnerId"/> (null for callers that are not partners) is refused at <paramref name="now"/>.</summary>
    public bool IsGoneFor(string? partnerId, DateTimeOffset now) =>
        SunsetAt is { } sunset && now >= sunset
        && !(partnerId is not null && Extensions.TryGetValue(partnerId, out var until) && now < until);

    internal static VersionRule Create(string version, DateTimeOffset? deprecatedAt, DateTimeOffset? sunsetAt, Uri? policy, FrozenDictionary<string, DateTimeOffset> extensions)
    {
        // Asp.Versioning's own writers render the headers (RFC 9745's @seconds, RFC 8594's HTTP-date, RFC 8288's links),
        // once per configuration, into a scratch response whose values every answer then reuses.
        var scratch = new DefaultHttpContext().Response;
        if (sunsetAt is not null)
        {
            var sunset = new SunsetPolicy(sunsetAt.Value);
            if (policy is not null)
            {
                sunset.Links.Add(new LinkHeaderValue(policy, "sunset") { Type = "text/html" });
            }

            scratch.WriteSunsetPolicy(sunset);
        }

        if (deprecatedAt is not null)
        {
            var deprecation = new DeprecationPolicy(deprecatedAt.Value);
            if (policy is not null)
            {
                deprecation.Links.Add(new LinkHeaderValue(policy, "deprecation") { Type = "text/html" });
            }

            scratch.WriteDeprecationPolicy(deprecation);
        }

        var headers = scratch.Headers;
        return new VersionRule(
            version,
            deprecatedAt,
            sunsetAt,
            policy,
            headers.TryGetValue(DeprecationName, out var d) ? d.ToString() : null,
            headers.TryGetValue(SunsetName, out var s) ? s.ToString() : null,
            headers.TryGetValue(LinkName, out var links) ? links : StringValues.Empty,
            extensions);
    }
}

/// <summary>A deprecated GraphQL field (<c>Product.description</c>).</summary>
public sealed record FieldRule(string Name, string Reason, DateTimeOffset? DeprecatedAt, DateTimeOffset? SunsetAt, Uri? PolicyUrl)
{
    /// <summary>The type's name (<c>Product</c>).</summary>
    public string TypeName => Name[..Name.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>The field's name (<c>description</c>).</summary>
    public string FieldName => Name[(Name.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
