using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.Hosting;

public static class GatewayDefaults
{
    /// <summary>What every gateway host needs before any feature: the contract's options, JSON, problem details, health, metrics.</summary>
    public static IHostApplicationBuilder AddGatewayDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();

        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            // RFC 9457 answers carry the trace id so an operator can find the request in the logs.
            context.ProblemDetails.Extensions["traceId"] =
                context.HttpContext.Features.Get<IHttpActivityFeature>()?.Activity?.TraceId.ToString()
                ?? context.HttpContext.TraceIdentifier;
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddExceptionHandler<StoreUnavailableHandler>();
        builder.AddGatewayHealth();
        builder.AddGatewayMetrics();
        return builder;
    }

    /// <summary>Correlation first, then the error pages, so that every answer carries <c>X-Correlation-Id</c>.</summary>
    public static WebApplication UseGatewayDefaults(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.WarnWhenNotDurable();
        return app;
    }

    static void WarnWhenNotDurable(this WebApplication app)
    {
        var redis = app.Configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            Log.EmbeddedMode(app.Logger);
        }
    }
}
