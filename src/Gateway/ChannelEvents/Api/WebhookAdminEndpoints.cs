using Gateway.Admin;
using Gateway.CanonicalApi.Problems;
using Gateway.Edge;
using Gateway.Edge.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Gateway.ChannelEvents.Api;

/// <summary>
/// The operators' side of the channel webhooks, under <c>/admin</c>: a partner's endpoints, one endpoint's standing,
/// secret rotation, enabling a disabled endpoint, its dead letters and their replay. Changes are audited.
/// </summary>
public static class WebhookAdminEndpoints
{
    public static IEndpointRouteBuilder MapWebhookAdmin(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").WithTags("Admin").RequireAuthorization(Scopes.Admin);
        admin.MapPost("/partners/{partnerId}/webhooks", Register);
        admin.MapGet("/partners/{partnerId}/webhooks", ListOfPartner);
        admin.MapGet("/webhooks/{webhookId}", Get);
        admin.MapDelete("/webhooks/{webhookId}", Remove);
        admin.MapPost("/webhooks/{webhookId}/rotate", Rotate);
        admin.MapPost("/webhooks/{webhookId}/enable", Enable);
        admin.MapGet("/webhooks/{webhookId}/dead-letters", DeadLetters);
        admin.MapPost("/webhooks/{webhookId}/dead-letters/{deadLetterId}/replay", Replay);
        return app;
    }

    static async Task<Results<Created<CreatedWebhookView>, ValidationProblem, ProblemHttpResult>> Register(
        string partnerId, HttpContext context, PartnerDirectory partners, WebhookRegistry registry, AdminAudit audit,
        IOptions<JsonOptions> json, IOptions<WebhooksOptions> options)
    {
        if (partnerId.Length > 64 || await partners.FindPartnerAsync(partnerId, context.RequestAborted) is not { } partner)
        {
            await audit.RecordAsync(context, "webhook.create", StatusCodes.Status404NotFound);
            return CanonicalProblems.NotFound("partner", "(this id)");
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

        var owner = new WebhookOwner(WebhookOwnerKind.Partner, partner.PartnerId, null);
        var registration = await registry.RegisterAsync(owner, body.Value!, partner.CustomerIds.Contains, context.RequestAborted);
        return await AnswerAsync(context, audit, registration, partner.PartnerId, options.Value, "/admin/webhooks/");
    }

    /// <summary>A registration's answer, the same for the admin and an owner: 201, 400 naming the fields, or 409 at the cap.</summary>
    internal static async Task<Results<Created<CreatedWebhookView>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        HttpContext context, AdminAudit audit, WebhookRegistry.Registration registration, string? partnerId, WebhooksOptions options, string location)
    {
        if (registration.Errors is { } errors)
        {
            await audit.RecordAsync(context, "webhook.create", StatusCodes.Status400BadRequest, partnerId);
            return CanonicalProblems.Invalid(errors);
        }

        if (registration.Created is not { } created)
        {
            await audit.RecordAsync(context, "webhook.create", StatusCodes.Status409Conflict, partnerId);
            return WebhookProblems.TooManyEndpoints(options.MaxEndpointsPerOwner);
        }

        await audit.RecordAsync(context, "webhook.create", StatusCodes.Status201Created, partnerId);
        return TypedResults.Created(location + created.WebhookId, created);
    }

    static async Task<Results<Ok<WebhookList>, ProblemHttpResult>> ListOfPartner(
        string partnerId, PartnerDirectory partners, WebhookRegistry registry, CancellationToken cancellationToken)
    {
        if (partnerId.Length > 64 || await partners.FindPartnerAsync(partnerId, cancellationToken) is null)
        {
            return CanonicalProblems.NotFound("partner", "(this id)");
        }

        var owned = await registry.OwnedByAsync(o => o.Kind == WebhookOwnerKind.Partner && o.Id == partnerId, cancellationToken);
        return TypedResults.Ok(await registry.ListAsync(owned));
    }

    static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> Get(string webhookId, WebhookRegistry registry, CancellationToken cancellationToken) =>
        await registry.FindAsync(webhookId, cancellationToken) is { } endpoint ? TypedResults.Ok(await registry.ViewAsync(endpoint)) : WebhookProblems.NotFound();

    static async Task<Results<NoContent, ProblemHttpResult>> Remove(string webhookId, HttpContext context, WebhookRegistry registry, AdminAudit audit)
    {
        if (await registry.FindAsync(webhookId, context.RequestAborted) is not { } endpoint)
        {
            await audit.RecordAsync(context, "webhook.delete", StatusCodes.Status404NotFound);
            return WebhookProblems.NotFound();
        }

        await registry.RemoveAsync(endpoint, context.RequestAborted);
        await audit.RecordAsync(context, "webhook.delete", StatusCodes.Status204NoContent, PartnerOf(endpoint));
        return TypedResults.NoContent();
    }

    static async Task<Results<Created<RotatedSecretView>, ProblemHttpResult>> Rotate(string webhookId, HttpContext context, WebhookRegistry registry, AdminAudit audit)
    {
        if (await registry.FindAsync(webhookId, context.RequestAborted) is not { } endpoint)
        {
            await audit.RecordAsync(context, "webhook.rotate", StatusCodes.Status404NotFound);
            return WebhookProblems.NotFound();
        }

        var rotated = await registry.RotateAsync(endpoint, context.RequestAborted);
        await audit.RecordAsync(context, "webhook.rotate", StatusCodes.Status201Created, PartnerOf(endpoint));
        return TypedResults.Created("/admin/webhooks/" + endpoint.WebhookId, rotated);
    }

    static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> Enable(string webhookId, HttpContext context, WebhookRegistry registry, AdminAudit audit)
    {
        if (await registry.FindAsync(webhookId, context.RequestAborted) is not { } endpoint)
        {
            await audit.RecordAsync(context, "webhook.enable", StatusCodes.Status404NotFound);
            return WebhookProblems.NotFound();
        }

        await registry.EnableAsync(endpoint);
        await audit.RecordAsync(context, "webhook.enable", StatusCodes.Status200OK, PartnerOf(endpoint));
        return TypedResults.Ok(await registry.ViewAsync(endpoint));
    }

    static async Task<Results<Ok<DeadLetterPage>, ProblemHttpResult>> DeadLetters(string webhookId, WebhookRegistry registry, CancellationToken cancellationToken) =>
        await registry.FindAsync(webhookId, cancellationToken) is { } endpoint ? TypedResults.Ok(await registry.DeadLettersAsync(endpoint)) : WebhookProblems.NotFound();

    static async Task<Results<Accepted, ProblemHttpResult>> Replay(string webhookId, string deadLetterId, HttpContext context, WebhookRegistry registry, AdminAudit audit)
    {
        var endpoint = await registry.FindAsync(webhookId, context.RequestAborted);
        var replayed = endpoint is null ? null : await registry.ReplayAsync(endpoint, deadLetterId);
        var status = replayed switch
        {
            true => StatusCodes.Status202Accepted,
            false => StatusCodes.Status409Conflict,
            null => StatusCodes.Status404NotFound,
        };
        await audit.RecordAsync(context, "webhook.replay", status, endpoint is null ? null : PartnerOf(endpoint));
        return replayed switch
        {
            true => TypedResults.Accepted("/admin/webhooks/" + webhookId),
            false => WebhookProblems.QueueFull(),
            null => WebhookProblems.NotFound(),
        };
    }

    static string? PartnerOf(WebhookEndpoint endpoint) => endpoint.Owner.Kind == WebhookOwnerKind.Partner ? endpoint.Owner.Id : null;
}
