using System.Diagnostics;
using StackExchange.Redis;

namespace Gateway.Core.Redis;

/// <summary>
/// Which exceptions from a Redis command mean "Redis is not there now": the gateway then falls back (L1 and the ERPs, a
/// local share of a limit, a retry later) instead of failing the request or stopping a background service.
/// </summary>
public static class RedisFailures
{
    static readonly System.Reflection.Assembly Client = typeof(IDatabase).Assembly;

    // Replies of a Redis that is there but cannot take the command for a moment: loading its data, a primary demoted by a
    // failover (READONLY), one without its replicas (NOREPLICAS, MASTERDOWN), a cluster moving or missing slots, and a
    // MULTI refused as a whole because one of those refused a command while it was queued (EXECABORT: the gateway's
    // transactions hold no command a Redis would refuse for its form).
    static readonly string[] PassingReplies = ["LOADING", "READONLY", "NOREPLICAS", "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN", "EXECABORT"];

    /// <summary>
    /// Unreachable, timed out (the client's own timeout or a <c>WaitAsync</c> bound), still loading, in the middle of a
    /// failover or a slot migration, or given up by the client itself. When Redis stalls with its connections open (a stopped process, a swapping host), the client
    /// ends the commands still in flight as it can: as cancelled tasks with no token, or with whatever its read loop
    /// threw (seen: an <see cref="InvalidOperationException"/> from the connection's pipe). A cancellation that carries a
    /// token is a caller's own (shutting down, a request gone); a Redis error that is not about reaching Redis, or an
    /// exception from the gateway's own code, is a bug.
    /// </summary>
    public static bool IsOutage(Exception exception) =>
        exception is RedisConnectionException or TimeoutException or ObjectDisposedException
            or OperationCanceledException { CancellationToken.CanBeCanceled: false }
        || (exception is RedisServerException server && PassingReplies.Any(reply => server.Message.StartsWith(reply, StringComparison.Ordinal)))
        || (exception is not (RedisException or OperationCanceledException) && ThrownInsideTheClient(exception));

    /// <summary>Any Redis error, or an outage: what the Redis-backed limits, budgets and key store fall back from.</summary>
    public static bool IsFailure(Exception exception) => exception is RedisException || IsOutage(exception);

    static bool ThrownInsideTheClient(Exception exception) =>
        new StackTrace(exception).GetFrames().Any(frame => frame.GetMethod()?.DeclaringType?.Assembly == Client);
}
