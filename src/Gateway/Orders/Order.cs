using System.ComponentModel.DataAnnotations;
using Gateway.Core.Orders;
using Gateway.Orders.Intake;

namespace Gateway.Orders;

/// <summary>An order as <c>GET /v1/orders/{orderId}</c> shows it (the contract's <c>Order</c>).</summary>
/// <param name="ErpOrderNumber">The ERP's number, once the ERP confirmed the order.</param>
public sealed record Order(
    string OrderId,
    string CustomerId,
    string ShipToId,
    string? PoNumber,
    IReadOnlyList<OrderLine> Lines,
    OrderStatus Status,
    IReadOnlyList<StatusChange> StatusHistory,
    string? ErpOrderNumber,
    IReadOnlyList<Shipment> Shipments,
    DateTimeOffset CreatedAt);

/// <summary>A line in eaches; <paramref name="UnitPrice"/> is what the caller sent, if anything.</summary>
public sealed record OrderLine(string Sku, int Quantity, decimal? UnitPrice);

/// <summary>One step of an order's life, when it happened and why.</summary>
public sealed record StatusChange(OrderStatus Status, DateTimeOffset At, string Reason);

/// <summary>A parcel on its way.</summary>
public sealed record Shipment(string Carrier, string TrackingNumber);

/// <summary>The contract's order statuses, in the order an order normally passes them.</summary>
public enum OrderStatus
{
    Accepted,
    OnHold,
    SubmittedToErp,
    Confirmed,
    Allocated,
    Shipped,
    Invoiced,
    Rejected,
    Cancelled,
}

/// <summary>The body of <c>POST /v1/orders</c>.</summary>
public sealed record OrderRequest(
    [property: MaxLength(OrderRequestRules.MaxTextLength)] string? CustomerId,
    [property: MaxLength(OrderRequestRules.MaxTextLength)] string? ShipToId,
    [property: MaxLength(OrderRequestRules.MaxTextLength)] string? PoNumber,
    [property: MaxLength(OrderRequestRules.MaxLines)] IReadOnlyList<OrderLineRequest?>? Lines);

/// <summary>One requested line; quantity in eaches.</summary>
public sealed record OrderLineRequest(
    [property: MaxLength(OrderRequestRules.MaxTextLength)] string? Sku,
    [property: Range(1, LineBounds.MaxQuantity)] int? Quantity,
    decimal? UnitPrice);
