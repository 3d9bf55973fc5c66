using Gateway.CanonicalApi.Problems;
using Gateway.Core.Diagnostics;
using Gateway.Core.Redis;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using StackExchange.Redis;

namespace Gateway.Hosting;

/// <summary>
/// The gateway's own store (Redis) out of reach where a request needs it (order intake, the admin API): 503 with
/// <c>Retry-After</c>, never a 500; a failover in progress (a demoted primary, a missing replica) is such a moment too.
/// A retry with the same idempotency key is safe: it replays what was recorded, or records it now.
/// </summary>
internal sealed class StoreUnavailableHandler(IProblemDetailsService problems, ILogger<StoreUnavailableHandler> logger, TimeProvider time) : IExceptionHandler
{
    readonly LogThrottle _log = new(time);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // RedisTimeoutException is a TimeoutException, not a RedisException: a command that timed out, or replicas that did
        // not acknowledge an order in time, are the store's outage too.
        if (exception is not (RedisException or RedisTimeoutException) || !RedisFailures.IsOutage(exception) || httpContext.Response.HasStarted)
        {
            return false;
        }

        // The exception's type only: a Redis message names endpoints and, with some configurations, credentials.
        if (_log.ShouldLog(out var leftOut))
        {
            Log.StoreUnavailable(logger, exception.GetType().Name, leftOut);
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Type = ProblemTypes.StoreUnavailable,
                Title = "Service unavailable",
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = "The gateway's store is unavailable; nothing was recorded. Retry later (an order with the same Idempotency-Key).",
            },
        });
    }
}
