namespace Gateway.Orders.Storage;

/// <summary>
/// What an idempotency key holds, in either store: while a request is being handled, an in-flight marker
/// <c>~&lt;request hash&gt;|&lt;claim token&gt;</c>; once answered, the <see cref="StoredAnswer"/>'s JSON.
/// </summary>
internal static class KeyMarker
{
    const char InFlight = '~';

    public static string Format(string requestHash, string claimToken) => InFlight + requestHash + "|" + claimToken;

    public static bool IsHeldBy(string held, string claimToken) =>
        held[0] == InFlight && held.EndsWith("|" + claimToken, StringComparison.Ordinal);

    /// <summary>What a repeat of the request hashing to <paramref name="requestHash"/> should do with a key that holds <paramref name="held"/>.</summary>
    public static KeyClaim Interpret(string held, string requestHash)
    {
        if (held[0] == InFlight)
        {
            return held.AsSpan(1).StartsWith(requestHash + "|", StringComparison.Ordinal)
                ? new KeyClaim(KeyClaimOutcome.InFlight)
                : new KeyClaim(KeyClaimOutcome.Conflict);
        }

        var answer = OrderJson.Read<StoredAnswer>(held);
        return answer.RequestHash == requestHash ? new KeyClaim(KeyClaimOutcome.Replay, Answer: answer) : new KeyClaim(KeyClaimOutcome.Conflict);
    }
}
