namespace Gateway.CanonicalApi.Problems;

/// <summary>
/// The stable <c>type</c> URIs of the canonical API's problems (RFC 9457), listed in <c>api-specs/problems.md</c>.
/// Callers branch on these, never on <c>title</c> or <c>detail</c>.
/// </summary>
public static class ProblemTypes
{
    const string Base = "https://gateway.example/problems/";

    /// <summary>400: a parameter is missing or invalid; <c>errors</c> names each field.</summary>
    public const string InvalidRequest = Base + "invalid-request";

    /// <summary>413: the request body is larger than <c>Edge:Requests:MaxBodyBytes</c>, declared or found while reading.</summary>
    public const string PayloadTooLarge = Base + "payload-too-large";

    /// <summary>415: a body that is not JSON where JSON is expected.</summary>
    public const string UnsupportedMediaType = Base + "unsupported-media-type";

    /// <summary>404: the product, customer or SKU does not exist, or the caller does not act for the customer.</summary>
    public const string NotFound = Base + "not-found";

    /// <summary>422: the ERP refused the request as invalid.</summary>
    public const string ErpRejected = Base + "erp-rejected";

    /// <summary>503 with <c>Retry-After</c>: the ERP cannot answer now (quota, open circuit, outage).</summary>
    public const string ErpUnavailable = Base + "erp-unavailable";

    /// <summary>503 with <c>Retry-After</c>: the gateway's own store (Redis) cannot be reached; nothing was recorded.</summary>
    public const string StoreUnavailable = Base + "store-unavailable";

    /// <summary>504: the ERP did not answer in time.</summary>
    public const string ErpTimeout = Base + "erp-timeout";
}
