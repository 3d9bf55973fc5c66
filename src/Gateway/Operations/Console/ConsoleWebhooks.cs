using Gateway.ChannelEvents;
using Gateway.ChannelEvents.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Operations.Console;

/// <summary>
/// The console's webhooks panel: every channel endpoint with its standing (disabled, failing, queued, dead letters),
/// an endpoint's dead letters, and the operator's two actions on them, replaying a dead letter and enabling a disabled
/// endpoint. The same registry as the admin API's <c>/admin/webhooks</c>, behind the console's session and antiforgery token.
/// </summary>
internal static class ConsoleWebhooks
{
    /// <summary>Endpoints the panel lists at most, those in trouble first.</summary>
    public const int MaxListed = 100;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/webhooks", ListAsync).RequireAuthorization(ConsoleSetup.Policy);
        api.MapGet("/webhooks/{webhookId}/dead-letters", DeadLettersAsync).RequireAuthorization(ConsoleSetup.Policy);
        api.MapPost("/webhooks/{webhookId}/dead-letters/{deadLetterId}/replay", ReplayAsync)
            .RequireAuthorization(ConsoleSetup.Policy).AddEndpointFilter(ConsoleEndpoints.RequireCsrf);
        api.MapPost("/webhooks/{webhookId}/enable", EnableAsync).RequireAuthorization(ConsoleSetup.Policy).AddEndpointFilter(ConsoleEndpoints.RequireCsrf);
    }

    static async Task<Ok<ConsoleWebhookList>> ListAsync(WebhookRegistry registry, CancellationToken cancellationToken)
    {
        var rows = await registry.OverviewAsync(MaxListed, cancellationToken);
        return TypedResults.Ok(new ConsoleWebhookList([.. rows.Select(r => new ConsoleWebhookRow(
            r.View.WebhookId, r.Endpoint.Owner.Kind.ToString(), r.Endpoint.Owner.Id, r.View.Url, r.View.Events, r.View.State,
            r.View.FailingSince, r.View.LastError, r.View.Queued, r.DeadLetters))]));
    }

    static async Task<Results<Ok<DeadLetterPage>, ProblemHttpResult>> DeadLettersAsync(string webhookId, WebhookRegistry registry, CancellationToken cancellationToken) =>
        await registry.FindAsync(webhookId, cancellationToken) is { } endpoint ? TypedResults.Ok(await registry.DeadLettersAsync(endpoint)) : WebhookProblems.NotFound();

    static async Task<Results<Accepted, ProblemHttpResult>> ReplayAsync(string webhookId, string deadLetterId, WebhookRegistry registry, CancellationToken cancellationToken) =>
        (await registry.FindAsync(webhookId, cancellationToken) is { } endpoint ? await registry.ReplayAsync(endpoint, deadLetterId) : null) switch
        {
            true => TypedResults.Accepted(ConsoleSetup.Path + "/api/webhooks"),
            false => WebhookProblems.QueueFull(),
            null => WebhookProblems.NotFound(),
        };

    static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> EnableAsync(string webhookId, WebhookRegistry registry, CancellationToken cancellationToken)
    {
        if (await registry.FindAsync(webhookId, cancellationToken) is not { } endpoint)
        {
            return WebhookProblems.NotFound();
        }

        await registry.EnableAsync(endpoint);
        return TypedResults.Ok(await registry.ViewAsync(endpoint));
    }
}

/// <summary>The answer of <c>GET /console/api/webhooks</c>.</summary>
internal sealed record ConsoleWebhookList(IReadOnlyList<ConsoleWebhookRow> Items);

/// <summary>One endpoint as the panel shows it: whose, where, what, and how it stands.</summary>
internal sealed record ConsoleWebhookRow(
    string WebhookId,
    string OwnerKind,
    string OwnerId,
    string Url,
    IReadOnlyList<string> Events,
    string State,
    DateTimeOffset? FailingSince,
    string? LastError,
    long Queued,
    long DeadLetters);
