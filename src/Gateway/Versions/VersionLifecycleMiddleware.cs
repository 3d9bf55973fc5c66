using System.Globalization;
using Gateway.CanonicalApi.Problems;
using Gateway.Edge;
using Gateway.Versions.Usage;

namespace Gateway.Versions;

/// <summary>
/// For every request under a version's path (<c>/v1/...</c>): an unknown version answers 404 listing the served ones;
/// a served one gets <c>api-supported-versions</c> and <c>api-deprecated-versions</c> (as Asp.Versioning names them),
/// and, when its configuration says so, <c>Deprecation</c> (RFC 9745), <c>Sunset</c> (RFC 8594) and their <c>Link</c>s;
/// past its sunset it answers 410 to every caller without an extension; every call that passes is counted
/// (<see cref="UsageCounter"/>). After the edge (the caller is known, refusals are not counted) and before the kept
/// answers, so a cached read carries the same headers and is counted the same. The headers are strings rendered once
/// per configuration (<see cref="VersionRules"/>): an answer costs assignments, a lookup and two interlocked adds.
/// </summary>
internal sealed class VersionLifecycleMiddleware(RequestDelegate next, VersionPolicies policies, UsageCounter usage, TimeProvider time)
{
    public const string SupportedVersionsHeader = "api-supported-versions";
    public const string DeprecatedVersionsHeader = "api-deprecated-versions";

    const string AnonymousCaller = "anonymous";

    public Task InvokeAsync(HttpContext context)
    {
        if (CanonicalVersions.SegmentOf(context.Request.Path) is not { } version)
        {
            return next(context);
        }

        var rules = policies.Current;
        var headers = context.Response.Headers;
        headers[SupportedVersionsHeader] = rules.SupportedVersionsHeader;
        if (!rules.Versions.TryGetValue(version, out var rule))
        {
            return UnknownVersionAsync(context, version);
        }

        var now = time.GetUtcNow();
        if (rules.DeprecatedVersionsHeader(now) is { } deprecated)
        {
            headers[DeprecatedVersionsHeader] = deprecated;
        }

        if (rule.HasLifecycle)
        {
            if (rule.DeprecationHeader is { } deprecation)
            {
                headers["Deprecation"] = deprecation;
            }

            if (rule.SunsetHeader is { } sunset)
            {
                headers["Sunset"] = sunset;
            }

            if (rule.LinkHeaders.Count > 0)
            {
                headers.Link = rule.LinkHeaders;
            }
        }

        var caller = context.Features.Get<Caller>();
        if (rule.SunsetAt is { } sunsetAt && now >= sunsetAt && rule.IsGoneFor(caller?.PartnerId, now))
        {
            return GoneAsync(context, rule, sunsetAt);
        }

        if (caller is not null)
        {
            var route = context.GetEndpoint()?.Metadata.GetMetadata<VersionedRoute>()?.Template ?? VersionedRoute.Unmatched;
            usage.Record(version, CallerIdOf(caller), route);
        }

        return next(context);
    }

    /// <summary>The caller as usage names it: the edge's id, except that anonymous callers (one per address) count as one.</summary>
    internal static string CallerIdOf(Caller caller) => caller.Kind == CallerKind.Anonymous ? AnonymousCaller : caller.Id;

    static Task UnknownVersionAsync(HttpContext context, string version) => TypedResults.Problem(
        type: ProblemTypes.UnknownVersion,
        title: "Unknown API version",
        statusCode: StatusCodes.Status404NotFound,
        detail: $"No version '{version}' of the API is served; the served versions are {string.Join(", ", CanonicalVersions.All)}.",
        extensions: new Dictionary<string, object?> { ["supportedVersions"] = CanonicalVersions.All })
        .ExecuteAsync(context);

    static Task GoneAsync(HttpContext context, VersionRule rule, DateTimeOffset sunsetAt)
    {
        var successor = CanonicalVersions.SuccessorOf(rule.Version);
        context.Response.Headers.Append("Link", $"</{successor}>; rel=\"successor-version\"");
        var at = sunsetAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            type: ProblemTypes.VersionGone,
            title: "API version retired",
            statusCode: StatusCodes.Status410Gone,
            detail: $"Version {rule.Version} was retired at {at}; use {successor} (/{successor}/...).",
            extensions: new Dictionary<string, object?>
            {
                ["successorVersion"] = successor,
                ["successorUrl"] = "/" + successor,
                ["sunsetAt"] = at,
                ["policyUrl"] = rule.PolicyUrl?.ToString(),
            })
            .ExecuteAsync(context);
    }
}
