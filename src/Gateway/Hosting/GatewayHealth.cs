using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Hosting;

public static class GatewayHealth
{
    /// <summary>Tag of the checks that readiness reports; liveness runs none.</summary>
    public const string ReadyTag = "ready";

    internal static IHostApplicationBuilder AddGatewayHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<RedisConfigurationCheck>("redis", tags: [ReadyTag]);
        return builder;
    }

    /// <summary><c>/health/live</c> says the process runs; <c>/health/ready</c> names each dependency's state.</summary>
    public static IEndpointRouteBuilder MapGatewayHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteAsync,
        });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = WriteAsync,
            // Degraded still serves traffic (e.g. embedded mode without Redis); only Unhealthy takes the instance out.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        return app;
    }

    static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = Lower(report.Status),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = Lower(e.Value.Status), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    static string Lower(HealthStatus status) => status.ToString().ToLowerInvariant();
}
