namespace Gateway.Edge.RateLimiting;

/// <summary>Where an instance leases a caller's tokens: the shared Redis bucket, or its local share of the plan.</summary>
internal interface ITokenBank
{
    /// <summary>Takes up to <see cref="TokenRequest.Want"/> tokens, after returning an expired lease's leftovers.</summary>
    ValueTask<TokenGrant> LeaseAsync(TokenRequest request);
}

/// <param name="Want">Tokens wanted, at least 1.</param>
/// <param name="Day">The UTC day whose quota pays for the tokens.</param>
/// <param name="Returned">Unspent tokens of an expired lease, given back to the bucket and to <paramref name="ReturnedDay"/>'s count.</param>
internal readonly record struct TokenRequest(
    string CallerId,
    PartnerPlan Plan,
    int Want,
    DateOnly Day,
    int Returned = 0,
    DateOnly ReturnedDay = default);

/// <param name="Granted">Tokens leased, possibly fewer than wanted; 0 means refused.</param>
/// <param name="BucketRemaining">Whole tokens left in the bucket after the grant.</param>
/// <param name="DayRemaining">Requests left in the day's quota after the grant.</param>
/// <param name="RetryAfter">When nothing was granted for want of tokens: how long until the next one.</param>
internal readonly record struct TokenGrant(int Granted, int BucketRemaining, long DayRemaining, TimeSpan RetryAfter)
{
    public bool DayExhausted => Granted == 0 && DayRemaining <= 0;
}
