namespace Gateway.Edge.ApiKeys;

/// <summary>Turns a presented <c>X-Api-Key</c> into the partner's <see cref="Caller"/>, or null for any key that is not live.</summary>
public interface IPartnerKeyVerifier
{
    /// <summary>Does the same work for a malformed, unknown, revoked or valid key, so that timing tells nothing.</summary>
    ValueTask<Caller?> VerifyAsync(string presentedKey, CancellationToken cancellationToken);
}
