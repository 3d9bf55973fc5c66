using System.Globalization;
using System.Text.Json;
using ErpSimulator.Backends;

namespace ErpSimulator.Cloud;

/// <summary>
/// What every <c>/cloud/api</c> call goes through before its handler: counted and held in flight, the quota (429),
/// simulated latency, injected faults (503), and a JSON error in the cloud's shape for anything the handler throws.
/// </summary>
internal sealed class CloudGate(RequestDelegate next, CloudQuota quota, CallLatency latency, FaultInjection faults, SimulatorStats stats, ILogger<CloudGate> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using var call = stats.Cloud.Enter();
        if (!quota.TryAcquire(out var wait))
        {
            stats.Cloud.Throttled();
            var seconds = CloudQuota.RetryAfterSeconds(wait);
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await CloudErrors.Of(StatusCodes.Status429TooManyRequests, "rate_limited",
                string.Create(CultureInfo.InvariantCulture, $"Quota exceeded; retry after {seconds} s.")).ExecuteAsync(context);
            return;
        }

        await latency.DelayAsync(Backend.Cloud, context.RequestAborted);
        if (faults.Roll(Backend.Cloud) != FaultOutcome.None)
        {
            await CloudErrors.Unavailable().ExecuteAsync(context);
            return;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
        {
            // Minimal APIs throw this (RouteHandlerOptions.ThrowOnBadRequest) for unreadable parameters and bodies.
            var field = (ex.InnerException as JsonException)?.Path;
            await CloudErrors.Of(StatusCodes.Status400BadRequest, "bad_request", ex.Message, field).ExecuteAsync(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            Log.CloudCallFailed(logger, context.Request.Path, ex);
            await CloudErrors.Of(StatusCodes.Status500InternalServerError, "internal_error", "The call failed unexpectedly.").ExecuteAsync(context);
        }
    }
}
