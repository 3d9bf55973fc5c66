using Microsoft.OpenApi;

namespace ErpSimulator.Cloud;

/// <summary>The cloud ERP: JSON REST under <c>/cloud/api</c>, its OpenAPI document at <c>/cloud/openapi.json</c>.</summary>
public static class CloudErpSetup
{
    public const string ApiPrefix = "/cloud/api";
    private const string DocumentName = "cloud";

    public static WebApplicationBuilder AddCloudErp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CloudQuota>();
        // Unreadable parameters and bodies throw, so the gate can answer them in the cloud's error shape.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Cloud ERP",
                Version = "v1",
                Description = "The simulated cloud ERP's REST API (see api-specs/erp/README.md). Every call counts against one "
                    + "token bucket (default 20/s, burst 40): an empty bucket answers 429 rate_limited with Retry-After in whole seconds.",
            });
            o.DocInclusionPredicate((_, api) => api.RelativePath?.StartsWith(ApiPrefix[1..], StringComparison.Ordinal) == true);
            o.SupportNonNullableReferenceTypes();
        });
        return builder;
    }

    public static WebApplication MapCloudErp(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWhen(c => c.Request.Path.StartsWithSegments(ApiPrefix), gated => gated.UseMiddleware<CloudGate>());
        app.UseSwagger(o => o.RouteTemplate = "{documentName}/openapi.json");

        var api = app.MapGroup(ApiPrefix);
        api.MapCloudCatalog();
        api.MapCloudPricing();
        api.MapCloudInventory();
        api.MapCloudSalesOrders();
        api.MapCloudDocuments();
        return app;
    }
}
