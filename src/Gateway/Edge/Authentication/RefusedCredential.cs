namespace Gateway.Edge.Authentication;

/// <summary>
/// Set on a request whose credential was refused: it has no <see cref="Caller"/>, but the limits still count it, in
/// <see cref="Partition"/> (one per client address, <see cref="AnonymousCallers.RefusedFor"/>).
/// </summary>
internal sealed record RefusedCredential(Caller Partition);
