using System.ComponentModel.DataAnnotations;
using Gateway.Admin;
using Gateway.Edge;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Gateway.ChannelEvents.Api;

/// <summary>
/// <c>/{version}/me/webhooks</c>: a partner's or a storefront app's own endpoints (list, register, read, rotate the
/// secret, remove). A storefront app's endpoint is bound to the customer of the token that registered it, and only that
/// token's customer sees it. Another owner's endpoint answers 404, as one that does not exist.
/// </summary>
public static class MeWebhookEndpoints
{
    public static RouteGroupBuilder MapMeWebhooks(this RouteGroupBuilder me)
    {
        ArgumentNullException.ThrowIfNull(me);
        var webhooks = me.MapGroup("/webhooks");
        webhooks.MapGet("/", List).WithName("ListMyWebhooks").WithSummary("The caller's webhook endpoints and their standing (a disabled one says so).");
        webhooks.MapPost("/", Register).WithName("RegisterMyWebhook").WithSummary("Registers an endpoint for some event types; its signing secret is in this answer only.");
        webhooks.MapGet("/{webhookId}", Get).WithName("GetMyWebhook").WithSummary("One of the caller's endpoints.");
        webhooks.MapPost("/{webhookId}/rotate", Rotate).WithName("RotateMyWebhookSecret").WithSummary("A new signing secret; the previous one signs beside it during the overlap.");
        webhooks.MapDelete("/{webhookId}", Remove).WithName("RemoveMyWebhook").WithSummary("Removes the endpoint and what was queued for it.");
        return me;
    }

    /// <summary>The caller as a webhook owner, with whom it acts for; null for the admin or an anonymous caller.</summary>
    internal static (WebhookOwner Owner, Func<string, bool> ActsFor)? OwnerOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller switch
        {
            { PartnerId: { } partnerId } => (new WebhookOwner(WebhookOwnerKind.Partner, partnerId, null), caller.ActsFor),
            { Kind: CallerKind.StorefrontApp, CustomerIds: { Count: 1 } customers } =>
                (new WebhookOwner(WebhookOwnerKind.StorefrontApp, caller.Id, customers.First()), customers.Contains),
            _ => null,
        };
    }

    static async Task<Results<Ok<WebhookList>, ProblemHttpResult>> List(HttpContext context, WebhookRegistry registry, CancellationToken cancellationToken)
    {
        if (OwnerOf(context.Features.Get<Caller>()!) is not ({ } owner, _))
        {
            return WebhookProblems.OwnerRequired();
        }

        return TypedResults.Ok(await registry.ListAsync(await registry.OwnedByAsync(o => o == owner, cancellationToken)));
    }

    static async Task<Results<Created<CreatedWebhookView>, ValidationProblem, ProblemHttpResult>> Register(
        HttpContext context, WebhookRegistry registry, AdminAudit audit, IOptions<JsonOptions> json, IOptions<WebhooksOptions> options)
    {
        if (OwnerOf(context.Features.Get<Caller>()!) is not ({ } owner, { } actsFor))
        {
            return WebhookProblems.OwnerRequired();
        }

        var body = await AdminBody<WebhookRequest>.ReadAsync(context, "webhook.create", audit, json.Value.SerializerOptions);
        if (body.Refused is { } refused)
        {
            return refused;
        }

        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        var registration = await registry.RegisterAsync(owner, body.Value!, actsFor, context.RequestAborted);
        var partnerId = owner.Kind == WebhookOwnerKind.Partner ? owner.Id : null;
        return await WebhookAdminEndpoints.AnswerAsync(context, audit, registration, partnerId, options.Value, context.Request.Path.Value!.TrimEnd('/') + "/");
    }

    static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> Get([MaxLength(64)] string webhookId, HttpContext context, WebhookRegistry registry) =>
        await OwnedAsync(webhookId, context, registry) is { } endpoint ? TypedResults.Ok(await registry.ViewAsync(endpoint)) : WebhookProblems.NotFound();

    static async Task<Results<Created<RotatedSecretView>, ProblemHttpResult>> Rotate([MaxLength(64)] string webhookId, HttpContext context, WebhookRegistry registry, AdminAudit audit)
    {
        if (await OwnedAsync(webhookId, context, registry) is not { } endpoint)
        {
            return WebhookProblems.NotFound();
        }

        var rotated = await registry.RotateAsync(endpoint, context.RequestAborted);
        await audit.RecordAsync(context, "webhook.rotate", StatusCodes.Status201Created);
        return TypedResults.Created(context.Request.Path.Value![..^"/rotate".Length], rotated);
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Remove([MaxLength(64)] string webhookId, HttpContext context, WebhookRegistry registry, AdminAudit audit)
    {
        if (await OwnedAsync(webhookId, context, registry) is not { } endpoint)
        {
            return WebhookProblems.NotFound();
        }

        await registry.RemoveAsync(endpoint, context.RequestAborted);
        await audit.RecordAsync(context, "webhook.delete", StatusCodes.Status204NoContent);
        return TypedResults.NoContent();
    }

    /// <summary>The caller's own endpoint; null for another owner's, exactly as for one that does not exist.</summary>
    static async Task<WebhookEndpoint?> OwnedAsync([MaxLength(64)] string webhookId, HttpContext context, WebhookRegistry registry) =>
        OwnerOf(context.Features.Get<Caller>()!) is ({ } owner, _) && await registry.FindAsync(webhookId, context.RequestAborted) is { } endpoint && endpoint.Owner == owner
            ? endpoint
            : null;
}
