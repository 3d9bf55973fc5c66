namespace Gateway.Edge.ApiKeys;

/// <summary>Until partner keys are wired in, every <c>X-Api-Key</c> is refused.</summary>
internal sealed class NoPartnerKeys : IPartnerKeyVerifier
{
    public ValueTask<Caller?> VerifyAsync(string presentedKey, CancellationToken cancellationToken) => ValueTask.FromResult<Caller?>(null);
}
