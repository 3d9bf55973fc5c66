using ErpSimulator.Backends;
using ErpSimulator.Data;
using Microsoft.AspNetCore.Mvc;

namespace ErpSimulator.Cloud;

/// <summary>Sales orders: <c>salesOrders.create</c> (once per external reference) and <c>salesOrders.get</c>.</summary>
internal static class CloudSalesOrderEndpoints
{
    public static RouteGroupBuilder MapCloudSalesOrders(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/sales-orders").WithTags("Sales orders");
        orders.MapPost("/", Create).WithName("createSalesOrder")
            .WithSummary("Books an order: 201 when new, 200 with the existing order when the externalReference is known, 422 order_rejected with the reason when refused.")
            .Produces<CloudSalesOrder>(StatusCodes.Status201Created).Produces<CloudSalesOrder>().ProducesCloudErrors(400, 422);
        orders.MapGet("/{orderNumber}", GetByNumber).WithName("getSalesOrder")
            .Produces<CloudSalesOrder>().ProducesCloudErrors(404);
        orders.MapGet("/", FindByReference).WithName("findSalesOrder")
            .WithSummary("The order booked for an externalReference.")
            .Produces<CloudSalesOrder>().ProducesCloudErrors(400, 404);
        return api;
    }

    private static IResult Create([FromBody] CloudSalesOrderRequest request, ErpDataSet data, SimulatorStats stats)
    {
        stats.Cloud.Record("salesOrders.create", 1);
        foreach (var (field, value) in new[] { ("externalReference", request.ExternalReference), ("customerId", request.CustomerId), ("shipToId", request.ShipToId) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return CloudErrors.BadRequest(field, $"{field} is required.");
            }
        }

        var placement = data.PlaceOrder(new SalesOrderRequest(
            request.ExternalReference!,
            request.CustomerId!,
            request.ShipToId!,
            request.PoNumber,
            [.. (request.Lines ?? []).Select(l => new SalesOrderLine(l.Sku ?? "", l.Quantity, l.UnitPrice))]));
        var order = placement.Order;
        if (order.Status == SalesOrderStatus.Rejected)
        {
            return CloudErrors.Of(StatusCodes.Status422UnprocessableEntity, "order_rejected", order.RejectReason ?? "The order was rejected.");
        }

        return placement.Created
            ? TypedResults.Created($"/cloud/api/sales-orders/{order.Number.Cloud}", order.ToCloud())
            : TypedResults.Ok(order.ToCloud());
    }

    private static IResult GetByNumber(string orderNumber, ErpDataSet data, SimulatorStats stats)
    {
        stats.Cloud.Record("salesOrders.get", 1);
        return SalesOrderNumber.TryParse(orderNumber, out var number) && data.FindOrder(number) is { } order
            ? TypedResults.Ok(order.ToCloud())
            : CloudErrors.NotFound($"No sales order '{orderNumber}'.");
    }

    private static IResult FindByReference(string? externalReference, ErpDataSet data, SimulatorStats stats)
    {
        stats.Cloud.Record("salesOrders.get", 1);
        if (string.IsNullOrWhiteSpace(externalReference))
        {
            return CloudErrors.BadRequest("externalReference", "externalReference is required.");
        }

        return data.FindOrderByExternalRef(externalReference) is { } order
            ? TypedResults.Ok(order.ToCloud())
            : CloudErrors.NotFound($"No sales order for external reference '{externalReference}'.");
    }
}
