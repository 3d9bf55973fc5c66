using Gateway.Admin.Audit;
using Gateway.Core.Diagnostics;
using Gateway.Edge;
using Gateway.Hosting;

namespace Gateway.Admin;

/// <summary>
/// Writes what an admin request did to the <see cref="IAuditTrail"/>; the actor is the authenticated caller. Route values
/// and claims are the caller's text, so every one passes <see cref="LogSafe.Text"/> before it reaches the log or the trail.
/// </summary>
internal sealed class AdminAudit(IAuditTrail trail, TimeProvider time, ILogger<AdminAudit> logger)
{
    public async Task RecordAsync(HttpContext context, string action, int status, string? partnerId = null, string? keyId = null)
    {
        var entry = new AuditEntry(
            time.GetUtcNow(),
            LogSafe.Text(context.Features.Get<Caller>()?.Id ?? "anonymous"),
            action,
            status,
            LogSafe.Text(partnerId),
            LogSafe.Text(keyId),
            context.Features.Get<CorrelationFeature>()?.CorrelationId);
        Log.AdminAction(logger, entry.Actor, action, status, entry.PartnerId, entry.KeyId);
        await trail.AppendAsync(entry, CancellationToken.None);
    }
}
