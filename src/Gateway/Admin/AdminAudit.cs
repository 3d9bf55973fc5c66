using Gateway.Admin.Audit;
using Gateway.Edge;
using Gateway.Hosting;

namespace Gateway.Admin;

/// <summary>Writes what an admin request did to the <see cref="IAuditTrail"/>; the actor is the authenticated caller.</summary>
internal sealed class AdminAudit(IAuditTrail trail, TimeProvider time, ILogger<AdminAudit> logger)
{
    public async Task RecordAsync(HttpContext context, string action, int status, string? partnerId = null, string? keyId = null)
    {
        var entry = new AuditEntry(
            time.GetUtcNow(),
            context.Features.Get<Caller>()?.Id ?? "anonymous",
            action,
            status,
            partnerId,
            keyId,
            context.Features.Get<CorrelationFeature>()?.CorrelationId);
        Log.AdminAction(logger, entry.Actor, action, status, partnerId, keyId);
        await trail.AppendAsync(entry, CancellationToken.None);
    }
}
