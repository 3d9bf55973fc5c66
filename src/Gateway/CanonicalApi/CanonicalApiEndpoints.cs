using Gateway.CanonicalApi.OpenApi;
using Gateway.CanonicalApi.Problems;
using Gateway.Catalog;
using Gateway.Customers;
using Gateway.Inventory;
using Gateway.Orders.Documents;
using Gateway.Orders.Intake;
using Gateway.Orders.Returns;
using Gateway.Pricing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.CanonicalApi;

public static class CanonicalApiEndpoints
{
    /// <summary>Services of the canonical API: the mapping of failures to problems, OpenAPI.</summary>
    public static IHostApplicationBuilder AddCanonicalApi(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddExceptionHandler<ErpFailureHandler>();
        // Unreadable values (quantity=abc) throw instead of answering an empty 400, so the handler can name the field.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.AddCanonicalOpenApi();
        return builder;
    }

    /// <summary>Maps <c>/v1</c>, one module per resource, and the OpenAPI document with Swagger UI.</summary>
    public static WebApplication MapCanonicalApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/v1")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .ProducesProblem(StatusCodes.Status504GatewayTimeout);
        v1.MapProducts();
        v1.MapCustomers();
        v1.MapPrices();
        v1.MapInventory();
        v1.MapOrders();
        v1.MapShipments();
        v1.MapInvoices();
        v1.MapReturns();
        app.UseCanonicalOpenApi();
        return app;
    }
}
