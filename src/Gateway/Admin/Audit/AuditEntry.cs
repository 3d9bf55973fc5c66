namespace Gateway.Admin.Audit;

/// <summary>
/// One admin action: who (the caller's id), what (the action and its HTTP outcome), when, on which partner or key,
/// and the request's correlation id. Never a key, a token or a request body.
/// </summary>
public sealed record AuditEntry(
    DateTimeOffset At,
    string Actor,
    string Action,
    int Status,
    string? PartnerId,
    string? KeyId,
    string? CorrelationId);
