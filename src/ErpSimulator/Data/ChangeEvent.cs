namespace ErpSimulator.Data;

/// <summary>
/// One change in the ERP, as webhooks and the legacy <c>GetChanges</c> feed carry it.
/// <paramref name="Token"/> is the change log's global position (1, 2, ...); <paramref name="Sequence"/> grows per
/// entity (per SKU for items, prices and stock; per customer; per order) so a stale or repeated event can be ignored.
/// </summary>
public sealed record ChangeEvent(
    long Token,
    string EventId,
    string Type,
    string? Sku,
    string? CustomerId,
    string? WarehouseId,
    SalesOrderNumber? OrderNumber,
    long Sequence,
    DateTimeOffset OccurredAt)
{
    /// <summary>The entity whose sequence this event carries; events with the same key must be delivered in order.</summary>
    public string EntityKey => OrderNumber is { } order ? "order:" + order.Cloud
        : Sku is not null ? "sku:" + Sku
        : "customer:" + CustomerId;
}

public static class ChangeTypes
{
    public const string ItemChanged = "item.changed";
    public const string PriceChanged = "price.changed";
    public const string InventoryChanged = "inventory.changed";
    public const string CustomerChanged = "customer.changed";
    public const string OrderChanged = "order.changed";

    /// <summary>An order's invoice changed (paid, or its due date moved); names the order and its customer.</summary>
    public const string InvoiceChanged = "invoice.changed";

    /// <summary>A return of an order moved (authorised, rejected, received, credited); names the order and its customer.</summary>
    public const string ReturnChanged = "return.changed";
}
