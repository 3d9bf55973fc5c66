using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Gateway.ChannelEvents;

/// <summary>
/// The canonical event a channel receives: <c>{ type, version, id, occurredAt, data }</c>. <see cref="Id"/> is also the
/// delivery's <c>webhook-id</c>, the same on every retry, so a receiver recognises a repeat. Documented in
/// <c>api-specs/events/channel-events.schema.json</c>.
/// </summary>
public sealed record ChannelEvent<TData>(string Type, int Version, string Id, DateTimeOffset OccurredAt, TData Data);

/// <summary><c>order.status_changed</c>: the order moved to <paramref name="Status"/>; <paramref name="PreviousStatus"/> is null for a new order.</summary>
public sealed record OrderStatusChangedData(string OrderId, string CustomerId, Orders.OrderStatus Status, Orders.OrderStatus? PreviousStatus, string Reason, DateTimeOffset At);

/// <summary><c>order.shipped</c>: one parcel left (an order may ship in several).</summary>
public sealed record OrderShippedData(string OrderId, string CustomerId, string ShipmentId, string Carrier, string TrackingNumber);

/// <summary><c>order.invoiced</c>: the ERP invoiced the order; read it at <c>/v1/invoices/{invoiceId}</c>.</summary>
public sealed record OrderInvoicedData(string OrderId, string CustomerId, string InvoiceId);

/// <summary><c>return.status_changed</c>: a return moved on (requested, authorised, received, credited or rejected).</summary>
public sealed record ReturnStatusChangedData(string ReturnId, string OrderId, string CustomerId, Core.Orders.ReturnStatus Status, string? RejectReason);

/// <summary><c>inventory.changed</c>: the SKU's stock changed (in <paramref name="WarehouseId"/> when the ERP says); read it at <c>/v1/inventory/{sku}</c>.</summary>
public sealed record InventoryChangedData(string Sku, string? WarehouseId, long Sequence);

/// <summary><c>price.changed</c>: a list price (no <paramref name="CustomerId"/>) or one customer's contract price changed.</summary>
public sealed record PriceChangedData(string Sku, string? CustomerId, long Sequence);

/// <summary>The event types a subscription may name, their payload types, and the one way events are written.</summary>
public static class ChannelEventTypes
{
    public const string OrderStatusChanged = "order.status_changed";
    public const string OrderShipped = "order.shipped";
    public const string OrderInvoiced = "order.invoiced";
    public const string ReturnStatusChanged = "return.status_changed";
    public const string InventoryChanged = "inventory.changed";
    public const string PriceChanged = "price.changed";

    /// <summary>The payload version every type is at now; a change that is not additive gets a new version beside it.</summary>
    public const int Version = 1;

    /// <summary>Every type with its <c>data</c>, in the order the schema lists them.</summary>
    public static readonly IReadOnlyList<(string Type, Type Data)> All =
    [
        (OrderStatusChanged, typeof(OrderStatusChangedData)),
        (OrderShipped, typeof(OrderShippedData)),
        (OrderInvoiced, typeof(OrderInvoicedData)),
        (ReturnStatusChanged, typeof(ReturnStatusChangedData)),
        (InventoryChanged, typeof(InventoryChangedData)),
        (PriceChanged, typeof(PriceChangedData)),
    ];

    /// <summary>
    /// camelCase, enums as their names, as the REST API writes them; every member always written, so every one is
    /// required in the schema (a null stays a null), and nullability is as the records declare it.
    /// </summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static bool IsKnown(string? type) => All.Any(t => t.Type == type);

    /// <summary>The event's JSON body, exactly as every endpoint receives (and signs) it.</summary>
    public static string Serialize<TData>(ChannelEvent<TData> channelEvent) => JsonSerializer.Serialize(channelEvent, Json);
}
