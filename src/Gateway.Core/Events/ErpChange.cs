namespace Gateway.Core.Events;

/// <summary>
/// A change the ERP made, as its webhooks and the legacy change feed announce it. It names what changed, not the new
/// value: the gateway drops what it cached and reads again. <see cref="Sequence"/> grows per entity (per SKU for items,
/// prices and stock; per customer; per order), so an older or repeated event can be recognised.
/// </summary>
public sealed record ErpChange(
    string EventId,
    string Type,
    string? Sku,
    string? CustomerId,
    string? WarehouseId,
    string? OrderNumber,
    long Sequence,
    DateTimeOffset OccurredAt);

/// <summary>The change types both ERPs announce.</summary>
public static class ErpChangeTypes
{
    public const string ItemChanged = "item.changed";
    public const string PriceChanged = "price.changed";
    public const string InventoryChanged = "inventory.changed";
    public const string CustomerChanged = "customer.changed";
    public const string OrderChanged = "order.changed";

    /// <summary>An order's invoice changed (paid, or its due date moved); names the order and the customer.</summary>
    public const string InvoiceChanged = "invoice.changed";

    /// <summary>A return of an order moved on; names the order returned and the customer.</summary>
    public const string ReturnChanged = "return.changed";

    /// <summary>Whether <paramref name="type"/> is one of the announced types.</summary>
    public static bool IsKnown(string? type) =>
        type is ItemChanged or PriceChanged or InventoryChanged or CustomerChanged or OrderChanged or InvoiceChanged or ReturnChanged;
}

/// <summary>The legacy ERP's change feed, read from a position (<c>GetChanges(sinceToken)</c>).</summary>
public interface IErpChangeFeed
{
    /// <param name="sinceToken">Empty for the beginning; else a <see cref="ChangePage.NextToken"/> returned earlier.</param>
    Task<ChangePage> ReadAsync(string sinceToken, int maxCount, CancellationToken cancellationToken);
}

/// <summary>Changes after a position, oldest first, and the position after the last of them.</summary>
public sealed record ChangePage(string NextToken, IReadOnlyList<ErpChange> Changes);
