using System.ComponentModel.DataAnnotations;
using Gateway.CanonicalApi.Problems;
using Gateway.Core;
using Gateway.Edge;
using Gateway.Edge.Scoping;
using Gateway.Orders.Intake;
using Gateway.Orders.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Orders.Documents;

/// <summary><c>GET /v1/orders/{orderId}/shipments</c> and <c>GET /v1/shipments/{shipmentId}</c>: an order's parcels.</summary>
public static class ShipmentEndpoints
{
    /// <param name="version">The version's group (<c>/v1</c>, and any later version that keeps the resource).</param>
    public static RouteGroupBuilder MapShipments(this RouteGroupBuilder version)
    {
        version.MapGroup("/orders").WithTags("Shipments").MapGet("/{orderId}/shipments", ListShipments)
            .RequireAuthorization(Scopes.OrdersRead)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The order's parcels, first part first: carrier, tracking number, lines and quantities shipped. An order of two or more lines may ship in parts.");
        version.MapGroup("/shipments").WithTags("Shipments").MapGet("/{shipmentId}", GetShipment)
            .RequireAuthorization(Scopes.OrdersRead)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One parcel of an order.");
        return version;
    }

    static async Task<Results<Ok<ShipmentList>, ProblemHttpResult>> ListShipments(
        [MaxLength(IdempotencyKey.MaxLength)] string orderId, HttpContext context, IOrderStore store, IOrderDocumentSource documents, CancellationToken cancellationToken)
    {
        if (await OrderDocumentAccess.OrderAsync(orderId, context, store, cancellationToken) is not { } order)
        {
            return CanonicalProblems.NotFound("order", orderId);
        }

        var parcels = order.ErpOrderNumber is { } number ? await documents.GetShipmentsAsync(number, cancellationToken) : [];
        return TypedResults.Ok(new ShipmentList(order.OrderId, [.. parcels.Select(p => OrderDocumentViews.ToView(order.OrderId, p))]));
    }

    static async Task<Results<Ok<OrderShipment>, ProblemHttpResult>> GetShipment(
        [MaxLength(IdempotencyKey.MaxLength)] string shipmentId, HttpContext context, IOrderStore store, IOrderDocumentSource documents, CancellationToken cancellationToken)
    {
        if (DocumentIds.ParseShipment(shipmentId) is not var (orderId, part)
            || await OrderDocumentAccess.OrderAsync(orderId, context, store, cancellationToken) is not { ErpOrderNumber: { } number } order
            || (await documents.GetShipmentsAsync(number, cancellationToken)).FirstOrDefault(p => p.Part == part) is not { } parcel)
        {
            return CanonicalProblems.NotFound("shipment", shipmentId);
        }

        return TypedResults.Ok(OrderDocumentViews.ToView(order.OrderId, parcel));
    }
}

/// <summary>An order's documents are read through the order: one the caller does not act for is answered as one that does not exist.</summary>
internal static class OrderDocumentAccess
{
    public static async Task<Order?> OrderAsync(string orderId, HttpContext context, IOrderStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(orderId, cancellationToken) is { } stored && context.CallerActsFor(stored.Order.CustomerId) ? stored.Order : null;
}
