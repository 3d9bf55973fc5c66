using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace ErpSimulator.Control;

/// <summary>
/// Unreadable input (bad JSON, a number that is not one) becomes a 400 problem naming the field instead of a 500;
/// anything else a 500 problem without internals. Minimal APIs throw these because ThrowOnBadRequest is on.
/// </summary>
internal sealed class ControlExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        var field = (bad.InnerException as JsonException)?.Path ?? "body";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
                Detail = bad.Message,
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [bad.Message] } },
            },
        });
    }
}
