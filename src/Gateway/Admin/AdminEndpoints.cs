using Gateway.Admin.Audit;
using Gateway.CanonicalApi.Problems;
using Gateway.Edge;
using Gateway.Edge.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Gateway.Admin;

/// <summary>
/// The admin API under <c>/admin</c> (admin token or <c>admin</c> scope): partners, their keys, the audit trail.
/// Every change is written to the audit trail with its outcome.
/// </summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin").WithTags("Admin").RequireAuthorization(Scopes.Admin);
        admin.MapPost("/partners", CreatePartner);
        admin.MapGet("/partners/{partnerId}", GetPartner);
        admin.MapPost("/partners/{partnerId}/keys", IssueKey);
        admin.MapPost("/keys/{keyId}/rotate", RotateKey);
        admin.MapDelete("/keys/{keyId}", RevokeKey);
        admin.MapGet("/audit", GetAudit);
        return app;
    }

    static async Task<Results<Created<PartnerView>, ValidationProblem, ProblemHttpResult>> CreatePartner(
        HttpContext context, PartnerDirectory partners, AdminAudit audit, CustomerIdRule customerIds, IOptions<JsonOptions> json, TimeProvider time)
    {
        var body = await AdminBody<PartnerRequest>.ReadAsync(context, "partner.create", audit, json.Value.SerializerOptions);
        if (body.Refused is { } refused)
        {
            return refused;
        }

        if (body.Invalid is { } invalid)
        {
            return invalid;
        }

        var request = body.Value!;
        var errors = request.Validate(customerIds);
        if (errors.Count > 0)
        {
            await audit.RecordAsync(context, "partner.create", StatusCodes.Status400BadRequest);
            return CanonicalProblems.Invalid(errors);
        }

        var partner = await partners.CreatePartnerAsync(
            request.Name!.Trim(),
            [.. request.Scopes!.Distinct(StringComparer.Ordinal)!],
            [.. request.CustomerIds!.Distinct(StringComparer.Ordinal)!],
            request.ToPlan(),
            context.RequestAborted);
        await audit.RecordAsync(context, "partner.create", StatusCodes.Status201Created, partner.PartnerId);
        return TypedResults.Created($"/admin/partners/{partner.PartnerId}", PartnerView.From(partner, [], time.GetUtcNow()));
    }

    static async Task<Results<Ok<PartnerView>, ProblemHttpResult>> GetPartner(
        string partnerId, PartnerDirectory partners, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await partners.FindPartnerAsync(partnerId, cancellationToken) is not { } partner)
        {
            return NotFound("partner", partnerId);
        }

        var keys = await partners.KeysOfAsync(partnerId, cancellationToken);
        return TypedResults.Ok(PartnerView.From(partner, keys, time.GetUtcNow()));
    }

    static async Task<Results<Created<IssuedKeyView>, ProblemHttpResult>> IssueKey(
        string partnerId, HttpContext context, PartnerDirectory partners, AdminAudit audit)
    {
        if (await partners.IssueAsync(partnerId, context.RequestAborted) is not { } issued)
        {
            await audit.RecordAsync(context, "key.issue", StatusCodes.Status404NotFound, partnerId);
            return NotFound("partner", partnerId);
        }

        await audit.RecordAsync(context, "key.issue", StatusCodes.Status201Created, partnerId, issued.KeyId);
        return TypedResults.Created($"/admin/partners/{partnerId}", IssuedKeyView.From(issued, null));
    }

    static async Task<Results<Created<IssuedKeyView>, ProblemHttpResult>> RotateKey(
        string keyId, HttpContext context, PartnerDirectory partners, AdminAudit audit)
    {
        if (!PartnerKeyFormat.IsKeyId(keyId) || await partners.RotateAsync(keyId, context.RequestAborted) is not { } issued)
        {
            await audit.RecordAsync(context, "key.rotate", StatusCodes.Status404NotFound, keyId: Printable(keyId));
            return NotFound("key", keyId);
        }

        await audit.RecordAsync(context, "key.rotate", StatusCodes.Status201Created, issued.PartnerId, keyId);
        return TypedResults.Created($"/admin/partners/{issued.PartnerId}", IssuedKeyView.From(issued, keyId));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(
        string keyId, HttpContext context, PartnerDirectory partners, AdminAudit audit)
    {
        if (!PartnerKeyFormat.IsKeyId(keyId) || await partners.RevokeAsync(keyId, context.RequestAborted) is not { } revoked)
        {
            await audit.RecordAsync(context, "key.revoke", StatusCodes.Status404NotFound, keyId: Printable(keyId));
            return NotFound("key", keyId);
        }

        await audit.RecordAsync(context, "key.revoke", StatusCodes.Status204NoContent, revoked.PartnerId, keyId);
        return TypedResults.NoContent();
    }

    static async Task<Results<Ok<AuditPage>, ValidationProblem>> GetAudit(IAuditTrail trail, int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 1000)
        {
            return CanonicalProblems.Invalid(new Dictionary<string, string[]> { ["limit"] = ["Between 1 and 1000."] });
        }

        return TypedResults.Ok(new AuditPage(await trail.LatestAsync(limit ?? 100, cancellationToken)));
    }

    static ProblemHttpResult NotFound(string what, string id) => TypedResults.Problem(
        type: ProblemTypes.NotFound,
        title: "Not found",
        statusCode: StatusCodes.Status404NotFound,
        detail: $"No {what} '{Printable(id)}'.");

    // A route value is caller input: a full key pasted by mistake must not be echoed into the answer or the audit trail.
    static string Printable(string id) => id.Length <= 40 && !id.StartsWith(PartnerKeyFormat.Prefix, StringComparison.Ordinal) ? id : "(not an id)";
}

/// <summary>The latest audit entries, oldest first.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Items);
