using Gateway.Core.Erp;
using GraphQL;
using GraphQL.Execution;
using StackExchange.Redis;

namespace Gateway.GraphQL;

/// <summary>Extra <c>extensions</c> entries of an error, beside <c>code</c>.</summary>
internal interface IErrorExtras
{
    IReadOnlyDictionary<string, object?> Extras { get; }
}

/// <summary>
/// A field or request error whose <c>extensions.code</c> a client can act on; <see cref="Extras"/> become further
/// <c>extensions</c> entries (the argument at fault, how long to wait).
/// </summary>
internal sealed class GatewayError : ExecutionError, IErrorExtras
{
    public GatewayError(string code, string message, IReadOnlyDictionary<string, object?>? extras = null)
        : base(message)
    {
        Code = code;
        Extras = extras ?? new Dictionary<string, object?>();
    }

    public IReadOnlyDictionary<string, object?> Extras { get; }
}

/// <summary>
/// The body is not a GraphQL-over-HTTP request at all (it names no query): answered 400 whatever the client accepts, as
/// GraphQL over HTTP allows for a request that is not well-formed. A well-formed request that cannot run keeps 200 under
/// <c>application/json</c>.
/// </summary>
internal sealed class MalformedRequest : ExecutionError
{
    public MalformedRequest(string message)
        : base(message) => Code = GraphQLErrors.BadUserInput;
}

/// <summary>The <c>extensions.code</c> values of the gateway's GraphQL errors (listed in the README's GraphQL section).</summary>
internal static class GraphQLErrors
{
    public const string Forbidden = "FORBIDDEN";
    public const string NotFound = "NOT_FOUND";
    public const string BadUserInput = "BAD_USER_INPUT";
    public const string ErpUnavailableCode = "ERP_UNAVAILABLE";
    public const string ErpTimeoutCode = "ERP_TIMEOUT";
    public const string ErpRejectedCode = "ERP_REJECTED";
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";
    public const string PersistedQueryRequired = "PERSISTED_QUERY_REQUIRED";
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";
    public const string RateLimited = "RATE_LIMITED";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string OrderInProgress = "ORDER_IN_PROGRESS";
    public const string StoreUnavailable = "STORE_UNAVAILABLE";

    public static GatewayError MissingScope(string scope) =>
        new(Forbidden, $"This field needs the scope '{scope}'.", new Dictionary<string, object?> { ["scope"] = scope });

    public static GatewayError CustomerNotFound(string customerId) =>
        new(NotFound, $"Customer '{customerId}' was not found.");

    public static GatewayError BadArgument(string argument, string problem) =>
        new(BadUserInput, $"Argument '{argument}' {problem}", new Dictionary<string, object?> { ["argument"] = argument });

    /// <summary>
    /// A value inside an input object that breaks a rule: <c>extensions.argument</c> names the argument and
    /// <c>extensions.field</c> the value's path in it, spelled as REST's <c>errors</c> keys (<c>lines[0].quantity</c>).
    /// </summary>
    public static GatewayError BadInputField(string argument, string field, string message) =>
        new(BadUserInput, message, new Dictionary<string, object?> { ["argument"] = argument, ["field"] = field });

    /// <summary>ERP and order-store failures as field errors; the message names no payload, only what a client may do.</summary>
    public static ExecutionError? FromFailure(Exception exception) => exception switch
    {
        ErpUnavailableException unavailable => new GatewayError(
            ErpUnavailableCode,
            "The system of record is unavailable; retry later.",
            new Dictionary<string, object?> { ["retryAfter"] = Seconds(unavailable.RetryAfter) }),
        ErpTimeoutException => new GatewayError(ErpTimeoutCode, "The system of record did not answer in time."),
        ErpRejectedException rejected => new GatewayError(ErpRejectedCode, rejected.Message),
        RedisConnectionException or RedisTimeoutException => new GatewayError(
            StoreUnavailable,
            "The order store is unavailable; retry later with the same idempotency key.",
            new Dictionary<string, object?> { ["retryAfter"] = 1 }),
        _ => null,
    };

    public static int Seconds(TimeSpan retryAfter) => (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
}

/// <summary>Writes <see cref="IErrorExtras.Extras"/> beside <c>extensions.code</c>.</summary>
internal sealed class GatewayErrorInfoProvider() : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeCodes = false, ExposeData = false })
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        if (executionError is IErrorExtras { Extras.Count: > 0 } gateway)
        {
            info.Extensions ??= new Dictionary<string, object?>();
            foreach (var (key, value) in gateway.Extras)
            {
                info.Extensions[key] = value;
            }
        }

        return info;
    }
}
