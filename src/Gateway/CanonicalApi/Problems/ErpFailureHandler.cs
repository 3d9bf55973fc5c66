using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Gateway.Core.Diagnostics;
using Gateway.Core.Erp;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.CanonicalApi.Problems;

/// <summary>
/// The one place where failures become answers: an ERP that cannot answer (503 with <c>Retry-After</c>), that answers
/// too late (504) or refuses (422), requests the framework could not bind (400), and bodies over the limit (413, from
/// whichever door was reading). The detail is the gateway's own
/// sentence: an ERP's message would leak its payload and tell the caller which ERP served it.
/// </summary>
internal sealed partial class ErpFailureHandler(IProblemDetailsService problems, ILogger<ErpFailureHandler> logger, TimeProvider time) : IExceptionHandler
{
    // One per ERP, so that one ERP's outage does not hide the other's.
    readonly ConcurrentDictionary<ErpSystem, LogThrottle> _unavailableLog = new();

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ErpUnavailableException unavailable => Unavailable(httpContext, unavailable),
            ErpTimeoutException timeout => Timeout(timeout),
            ErpRejectedException rejected => Rejected(rejected),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => CanonicalProblems.PayloadTooLarge(httpContext),
            BadHttpRequestException badRequest => BadRequest(badRequest),
            _ => null,
        };
        if (problem is null || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    ProblemDetails Unavailable(HttpContext context, ErpUnavailableException unavailable)
    {
        // Retry-After is whole seconds (RFC 9110 §10.2.3); zero would invite an immediate retry storm.
        var seconds = Math.Max(1, (int)Math.Ceiling(unavailable.RetryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (_unavailableLog.GetOrAdd(unavailable.Erp, static (_, clock) => new LogThrottle(clock), time).ShouldLog(out var leftOut))
        {
            Log.ErpUnavailable(logger, unavailable.Erp, seconds, leftOut);
        }
        return new ProblemDetails
        {
            Type = ProblemTypes.ErpUnavailable,
            Title = "Service unavailable",
            Status = StatusCodes.Status503ServiceUnavailable,
            Detail = string.Create(CultureInfo.InvariantCulture, $"The system of record cannot answer now; retry after {seconds} s."),
        };
    }

    ProblemDetails Timeout(ErpTimeoutException timeout)
    {
        Log.ErpTimedOut(logger, timeout.Erp);
        return new ProblemDetails
        {
            Type = ProblemTypes.ErpTimeout,
            Title = "Gateway timeout",
            Status = StatusCodes.Status504GatewayTimeout,
            Detail = "The system of record did not answer in time.",
        };
    }

    ProblemDetails Rejected(ErpRejectedException rejected)
    {
        Log.ErpRejected(logger, rejected.Erp);
        return new ProblemDetails
        {
            Type = ProblemTypes.ErpRejected,
            Title = "Rejected by the system of record",
            Status = StatusCodes.Status422UnprocessableEntity,
            Detail = "The system of record refused the request as invalid.",
        };
    }

    static ProblemDetails BadRequest(BadHttpRequestException badRequest)
    {
        // The framework's message names the parameter ("Failed to bind parameter \"int? quantity\" from \"abc\".");
        // carry it under errors like every other validation answer.
        var parameter = ParameterName().Match(badRequest.Message);
        if (parameter.Success && badRequest.StatusCode == StatusCodes.Status400BadRequest)
        {
            return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [parameter.Groups["name"].Value] = [badRequest.Message] })
            {
                Type = ProblemTypes.InvalidRequest,
                Title = "Invalid request",
                Status = StatusCodes.Status400BadRequest,
                Detail = "One or more parameters are invalid; see errors.",
            };
        }

        return new ProblemDetails
        {
            Type = ProblemTypes.InvalidRequest,
            Title = "Invalid request",
            Status = badRequest.StatusCode,
            Detail = badRequest.Message,
        };
    }

    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterName();
}
