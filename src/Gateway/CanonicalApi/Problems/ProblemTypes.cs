namespace Gateway.CanonicalApi.Problems;

/// <summary>
/// The one catalog of the gateway's problem <c>type</c> URIs (RFC 9457), every door's: the canonical API, the edge, the
/// admin API, the webhooks and the ERP pass-through. Each is listed in <c>api-specs/problems.md</c>, and a test compares
/// the two. Callers branch on these, never on <c>title</c> or <c>detail</c>.
/// </summary>
public static class ProblemTypes
{
    const string Base = "https://gateway.example/problems/";

    /// <summary>400: a parameter or a body field is missing or invalid; <c>errors</c> names each field.</summary>
    public const string InvalidRequest = Base + "invalid-request";

    /// <summary>400: an ERP pass-through path that could leave the ERP's API.</summary>
    public const string InvalidPath = Base + "invalid-path";

    /// <summary>401: no credential, or one that is unknown, expired, revoked or badly signed (one answer for all).</summary>
    public const string Unauthenticated = Base + "unauthenticated";

    /// <summary>401: an ERP webhook whose signature is missing or does not match.</summary>
    public const string WebhookSignature = Base + "webhook-signature";

    /// <summary>401: a correctly signed ERP webhook whose timestamp is outside the tolerance.</summary>
    public const string WebhookTimestamp = Base + "webhook-timestamp";

    /// <summary>403: the credential lacks the route's scope.</summary>
    public const string Forbidden = Base + "forbidden";

    /// <summary>403: a console action without its session's antiforgery token (<c>X-CSRF-Token</c>), or with another session's.</summary>
    public const string CsrfTokenInvalid = Base + "csrf-token-invalid";

    /// <summary>404: the product, customer, order or SKU does not exist, or the caller does not act for its customer.</summary>
    public const string NotFound = Base + "not-found";

    /// <summary>404: the path names a version of the API that is not served (<c>/v3/...</c>); <c>supportedVersions</c> lists those that are.</summary>
    public const string UnknownVersion = Base + "unknown-version";

    /// <summary>410 with <c>Link: &lt;/v2&gt;; rel="successor-version"</c>: the version is past its sunset; <c>successorVersion</c> names where to go.</summary>
    public const string VersionGone = Base + "version-gone";

    /// <summary>405 with <c>Allow</c>: a method the ERP pass-through does not forward.</summary>
    public const string MethodNotAllowed = Base + "method-not-allowed";

    /// <summary>409 with <c>Retry-After</c>: the same order request is still being placed by another call.</summary>
    public const string OrderInProgress = Base + "order-in-progress";

    /// <summary>409: the exception entry was handled already, or its order is past what the action can change.</summary>
    public const string ExceptionNotActionable = Base + "exception-not-actionable";

    /// <summary>409: a webhook owner's endpoints or an endpoint's queue are at their limit.</summary>
    public const string WebhookLimit = Base + "webhook-limit";

    /// <summary>403: only a partner or a storefront app (acting for one customer) registers its own webhooks.</summary>
    public const string WebhookOwnerRequired = Base + "webhook-owner-required";

    /// <summary>413: the request body is larger than <c>Edge:Requests:MaxBodyBytes</c>, declared or found while reading.</summary>
    public const string PayloadTooLarge = Base + "payload-too-large";

    /// <summary>415: a body that is not JSON where JSON is expected.</summary>
    public const string UnsupportedMediaType = Base + "unsupported-media-type";

    /// <summary>422: the ERP refused the request as invalid.</summary>
    public const string ErpRejected = Base + "erp-rejected";

    /// <summary>422: the <c>Idempotency-Key</c> was used before for a different order.</summary>
    public const string IdempotencyKeyReused = Base + "idempotency-key-reused";

    /// <summary>429 with <c>Retry-After</c>: the caller's plan is spent.</summary>
    public const string RateLimited = Base + "rate-limited";

    /// <summary>431: the request headers exceed the edge's limits.</summary>
    public const string HeadersTooLarge = Base + "headers-too-large";

    /// <summary>502/503/504: a proxied route's upstream failed.</summary>
    public const string UpstreamFailed = Base + "upstream-failed";

    /// <summary>503 with <c>Retry-After</c>: the ERP cannot answer now (quota, open circuit, outage).</summary>
    public const string ErpUnavailable = Base + "erp-unavailable";

    /// <summary>503 with <c>Retry-After</c>: the ERP pass-through found no quota left for its call.</summary>
    public const string ErpQuota = Base + "erp-quota";

    /// <summary>503 with <c>Retry-After</c>: an ERP webhook could not be recorded (the event store is unreachable); deliver it again.</summary>
    public const string EventsUnavailable = Base + "events-unavailable";

    /// <summary>503 with <c>Retry-After</c>: the gateway's own store (Redis) cannot be reached; nothing was recorded.</summary>
    public const string StoreUnavailable = Base + "store-unavailable";

    /// <summary>504: the ERP did not answer in time.</summary>
    public const string ErpTimeout = Base + "erp-timeout";
}
