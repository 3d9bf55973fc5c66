using Gateway.CanonicalApi.OpenApi;
using Gateway.CanonicalApi.Problems;
using Gateway.Catalog;
using Gateway.ChannelEvents.Api;
using Gateway.Customers;
using Gateway.Inventory;
using Gateway.Orders.Documents;
using Gateway.Orders.Intake;
using Gateway.Orders.Returns;
using Gateway.Pricing;
using Gateway.Standing;
using Gateway.Versions;
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

    /// <summary>
    /// Maps <c>/v1</c> and <c>/v2</c>, one module per resource, sharing their handlers and services, and the OpenAPI
    /// documents with Swagger UI. What v2 changes is listed in <c>api-specs/canonical/v2-changes.md</c>.
    /// </summary>
    public static WebApplication MapCanonicalApi(this WebApplication app)
    {
        var v1 = VersionGroup(app, CanonicalVersions.V1);
        v1.MapProducts();
        v1.MapCustomers();
        v1.MapPrices();
        v1.MapInventory();
        v1.MapOrders();
        v1.MapShipments();
        v1.MapInvoices();
        v1.MapReturns();
        // v1's document is frozen (api-specs/canonical/v1.json); /v1/me is pinned in the contract and documented as /v2/me.
        v1.MapMe().MapMeWebhooks().ExcludeFromDescription();

        var v2 = VersionGroup(app, CanonicalVersions.V2);
        v2.MapProducts();
        v2.MapCustomers();
        v2.MapPricesV2();
        v2.MapInventory();
        v2.MapMe().MapMeWebhooks();
        app.UseCanonicalOpenApi();
        return app;
    }

    static RouteGroupBuilder VersionGroup(WebApplication app, string version) => app.MapVersionGroup(version)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
        .ProducesProblem(StatusCodes.Status504GatewayTimeout);
}
