using Gateway.Admin;
using Gateway.ChannelEvents;
using Gateway.ChannelEvents.Api;
using Gateway.Edge;
using Gateway.Edge.ApiKeys;
using Gateway.Edge.RateLimiting;
using Gateway.Versions;
using Gateway.Versions.Usage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Standing;

/// <summary>
/// <c>/{version}/me</c>: the caller's own standing, with any credential and no scope: who it is, its plan and what is
/// left of today's quota, its keys (ids and expiry, never a key), and the deprecated versions and GraphQL fields it
/// called in the last 30 days, so a partner learns what it must move off before its sunset. <see cref="MapMe"/> returns
/// the <c>/me</c> group: the caller's other resources (its webhooks) are mapped under it.
/// </summary>
public static class MeEndpoints
{
    /// <summary>Days of <c>deprecatedUsage</c>, today included.</summary>
    public const int DeprecatedUsageDays = 30;

    public static RouteGroupBuilder MapMe(this RouteGroupBuilder version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var me = version.MapGroup("/me").WithTags("Me").RequireAuthorization();
        me.MapGet("/", GetMe)
            .WithName("GetMe")
            .WithSummary("The caller's plan, today's remaining quota, its keys, and the deprecated versions and fields it called in the last 30 days.");
        return me;
    }

    static async Task<Results<Ok<MeView>, ProblemHttpResult>> GetMe(
        HttpContext context,
        CallerRateLimiter limits,
        PartnerDirectory partners,
        VersionPolicies policies,
        DeprecatedUsage deprecatedUsage,
        WebhookRegistry webhooks,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = context.Features.Get<Caller>()!;
        var now = time.GetUtcNow();
        IReadOnlyList<KeyView> keys = [];
        if (caller.PartnerId is { } partnerId)
        {
            keys = [.. (await partners.KeysOfAsync(partnerId, cancellationToken))
                .Where(k => k.RevokedAt is null && (k.ExpiresAt is null || k.ExpiresAt > now))
                .Select(k => KeyView.From(k, now))];
        }

        // A disabled endpoint is how an owner learns its receiver has been failing for long.
        IReadOnlyList<WebhookView> endpoints = MeWebhookEndpoints.OwnerOf(caller) is ({ } owner, _)
            ? (await webhooks.ListAsync(await webhooks.OwnedByAsync(o => o == owner, cancellationToken))).Items
            : [];
        var usage = await deprecatedUsage.OfAsync(VersionLifecycleMiddleware.CallerIdOf(caller), policies.Current, DeprecatedUsageDays, cancellationToken);
        return TypedResults.Ok(new MeView(
            caller.Id,
            caller.Kind,
            caller.Plan,
            new QuotaView(caller.Plan.DailyQuota, limits.DayRemaining(caller)),
            keys,
            usage,
            endpoints));
    }
}

/// <summary>
/// The answer of <c>GET /v1/me</c>: <c>kind</c> is <c>Partner</c>, <c>StorefrontApp</c>, <c>Admin</c> or <c>Anonymous</c>;
/// <c>webhooks</c> are the caller's endpoints with their state (<c>Disabled</c> after failing for long).
/// </summary>
public sealed record MeView(
    string CallerId,
    CallerKind Kind,
    PartnerPlan Plan,
    QuotaView Quota,
    IReadOnlyList<KeyView> Keys,
    IReadOnlyList<DeprecatedUseView> DeprecatedUsage,
    IReadOnlyList<WebhookView> Webhooks);

/// <summary>Today's (UTC) quota and what is left of it.</summary>
public sealed record QuotaView(long DailyLimit, long DailyRemaining);
