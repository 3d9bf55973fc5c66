using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Observability;

/// <summary>
/// The host's trace names in one place: its <see cref="ActivitySource"/> (the ERP connectors have theirs,
/// <c>ErpTelemetry</c>) and the attributes its spans carry. An attribute names a route, a region, a count, an outcome or an
/// id; never a credential, a price or a payload. Every span starts through <see cref="Source"/>, whose calls return null
/// while no one listens (tracing off), so an untraced request builds nothing.
/// </summary>
public static class GatewayTracing
{
    /// <summary>The ActivitySource name.</summary>
    public const string Name = "Gateway";

    /// <summary>Set on an outgoing request that is not traced: a webhook delivery, whose URL is a partner's own.</summary>
    public static readonly HttpRequestOptionsKey<bool> Untraced = new("gateway.untraced");

    /// <summary>How the caller proved who it is (<c>Partner</c>, <c>StorefrontApp</c>, <c>Admin</c>, <c>Anonymous</c>), or <c>Refused</c>.</summary>
    public const string CallerKindTag = "gateway.caller.kind";

    /// <summary>The caller's partition id (<c>partner:{id}</c>, <c>app:{subject}</c>, <c>admin</c>...), never its credential.</summary>
    public const string CallerIdTag = "gateway.caller.id";

    /// <summary>The plan's decision: <c>admitted</c>, <c>refused</c>, or <c>unlimited</c> (no plan applies).</summary>
    public const string LimitOutcomeTag = "gateway.limit.outcome";

    /// <summary>For a refusal, which limit: <c>burst</c> or <c>daily</c>.</summary>
    public const string LimitNameTag = "gateway.limit.name";

    /// <summary>A cache lookup's region (<c>product</c>, <c>stock</c>, <c>contract</c>...) and its overall result: <c>hit</c>, <c>miss</c> or <c>stale</c>.</summary>
    public const string CacheRegionTag = "cache.region";
    public const string CacheResultTag = "cache.result";

    /// <summary>Keys of one lookup answered each way.</summary>
    public const string CacheHitsTag = "cache.hits";
    public const string CacheMissesTag = "cache.misses";
    public const string CacheStaleTag = "cache.stale";

    /// <summary>A whole answer sent again without running the endpoint (canonical or GraphQL).</summary>
    public const string KeptAnswerTag = "cache.kept_answer";

    public const string OrderIdTag = "order.id";
    public const string OrderStatusTag = "order.status";

    /// <summary>GraphQL's semantic-convention attribute: <c>query</c> or <c>mutation</c>.</summary>
    public const string GraphQLOperationTypeTag = "graphql.operation.type";

    /// <summary>Errors in a GraphQL answer (a count; their messages stay out of traces).</summary>
    public const string GraphQLErrorsTag = "graphql.errors";

    internal static readonly ActivitySource Source = new(Name);

    /// <summary><paramref name="span"/> when it is recorded (sampled in), else null.</summary>
    /// <remarks>ASP.NET Core makes a request Activity for log correlation even with tracing off; its source has no listener.</remarks>
    internal static Activity? Recorded(Activity? span) => span is { IsAllDataRequested: true } && span.Source.HasListeners() ? span : null;

    /// <summary>
    /// A root span linked to the trace <paramref name="traceParent"/> names (an order's), for work that trace caused but
    /// does not wait for: its own trace, found from the order's. Null while no one listens; nothing is built then.
    /// </summary>
    internal static Activity? StartLinked(string name, string? traceParent)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        // Run by the background flows (the status poller, the ERP's order events), which have no span of their own: a root.
        var linked = ContextOf(traceParent);
        return Source.StartActivity(name, ActivityKind.Internal, default(ActivityContext), links: linked == default ? null : [new ActivityLink(linked)]);
    }

    /// <summary>The request's own span, when it is recorded (sampled in): attributes are only added to spans someone keeps.</summary>
    internal static Activity? RecordedRequest(HttpContext context) =>
        Recorded(context.Features.Get<IHttpActivityFeature>()?.Activity);

    /// <summary>Kind names, made once: a tag value built per request would allocate on the hottest path.</summary>
    static readonly string[] CallerKinds = Enum.GetNames<Edge.CallerKind>();

    /// <summary>The edge's decision on the request's span: who called (or <c>Refused</c>) and what its plan said.</summary>
    internal static void Admission(Activity span, Edge.Caller? caller, Edge.RateLimiting.LimitDecision decision)
    {
        span.SetTag(CallerKindTag, caller is null ? "Refused" : CallerKinds[(int)caller.Kind]);
        if (caller is not null)
        {
            span.SetTag(CallerIdTag, caller.Id);
        }

        if (decision.Outcome == Edge.RateLimiting.LimitOutcome.Admitted)
        {
            span.SetTag(LimitOutcomeTag, "admitted");
        }
        else
        {
            span.SetTag(LimitOutcomeTag, "refused");
            span.SetTag(LimitNameTag, decision.Limit == Edge.RateLimiting.PlanLimit.Daily ? "daily" : "burst");
        }
    }

    /// <summary>The W3C <c>traceparent</c> of the current span, to continue its trace later (an order's hand-off); null when there is none.</summary>
    internal static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    /// <summary>The context a stored <c>traceparent</c> names; default (no parent) when absent or malformed.</summary>
    internal static ActivityContext ContextOf(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;

    /// <summary>The 32-hex trace id of a stored <c>traceparent</c>, as trace back-ends show it; null when absent or malformed.</summary>
    internal static string? TraceIdOf(string? traceParent) =>
        ContextOf(traceParent) is { TraceId: var id } context && context != default ? id.ToHexString() : null;
}
