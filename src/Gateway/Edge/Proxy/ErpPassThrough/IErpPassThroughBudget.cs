namespace Gateway.Edge.Proxy.ErpPassThrough;

/// <summary>The cloud ERP's quota as the pass-through sees it: one call costs one permit.</summary>
internal interface IErpPassThroughBudget
{
    /// <summary>False when no permit came within a short wait: the pass-through answers 503 with Retry-After.</summary>
    ValueTask<bool> TryAcquireAsync(CancellationToken cancellationToken);

    /// <summary>The ERP answered 429 anyway: nobody, connectors included, should call it before <paramref name="retryAfter"/>.</summary>
    void ErpRefused(TimeSpan retryAfter);
}
