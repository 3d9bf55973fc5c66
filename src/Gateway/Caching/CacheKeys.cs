using Gateway.Core.Events;

namespace Gateway.Caching;

/// <summary>
/// The regions of the cache and their keys, and which keys a change makes stale. Keys are derived from the entity
/// (the tags <c>sku:X</c> and <c>customer:Y</c>), so invalidating an entity needs no index of what was cached for it.
/// Prices are cached as their parts, never per customer x SKU x quantity, which is what keeps these sets small.
/// </summary>
internal static class CacheKeys
{
    public const string Products = "product";
    public const string Customers = "customer";
    public const string Stock = "stock";
    public const string ListPrices = "list";
    public const string Promotions = "promo";
    public const string Contracts = "contract";
    public const string Invoices = "invoice";

    /// <summary>The currencies list prices are cached in (the ERPs price in these only).</summary>
    public static readonly string[] Currencies = ["USD", "CAD"];

    public static string ListPrice(string sku, string currency) => sku + "|" + currency;

    /// <summary>
    /// The entity whose Redis hash slot holds a full key's L2 entries (<see cref="Gateway.Core.Redis.RedisKeys"/>):
    /// <c>sku:X</c> for products, stock, list prices and promotions, <c>customer:Y</c> for customers and contracts, <c>order:N</c> for an order's invoice; so
    /// the keys one change makes stale (<see cref="StaleAfter"/>) share one slot.
    /// </summary>
    public static string Owner(string fullKey)
    {
        ArgumentNullException.ThrowIfNull(fullKey);
        var colon = fullKey.IndexOf(':', StringComparison.Ordinal);
        var region = colon < 0 ? fullKey.AsSpan() : fullKey.AsSpan(0, colon);
        var key = colon < 0 ? [] : fullKey.AsSpan(colon + 1);
        if (region.SequenceEqual(Customers) || region.SequenceEqual(Contracts))
        {
            return string.Concat("customer:", key);
        }

        if (region.SequenceEqual(Invoices))
        {
            return string.Concat("order:", key);
        }

        // A list price's key ends with its currency, which never holds the separator.
        var bar = region.SequenceEqual(ListPrices) ? key.LastIndexOf('|') : -1;
        return string.Concat("sku:", bar < 0 ? key : key[..bar]);
    }

    /// <summary>The full keys (<c>region:key</c>) whose cached values <paramref name="change"/> makes stale.</summary>
    public static IReadOnlyList<string> StaleAfter(ErpChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var sku = change.Sku;
        var customer = change.CustomerId;
        return change.Type switch
        {
            ErpChangeTypes.ItemChanged when sku is not null => [Products + ":" + sku],
            ErpChangeTypes.InventoryChanged when sku is not null => [Stock + ":" + sku],
            // A contract price names the customer; a list price change names only the SKU.
            ErpChangeTypes.PriceChanged when customer is not null => [Contracts + ":" + customer],
            ErpChangeTypes.PriceChanged when sku is not null =>
                [.. Currencies.Select(c => ListPrices + ":" + ListPrice(sku, c)), Promotions + ":" + sku],
            ErpChangeTypes.CustomerChanged when customer is not null => [Customers + ":" + customer, Contracts + ":" + customer],
            // An order's invoice is cached under the ERP's order number, which its events carry.
            ErpChangeTypes.OrderChanged when change.OrderNumber is { } order => [Invoices + ":" + order],
            ErpChangeTypes.InvoiceChanged when change.OrderNumber is { } order => [Invoices + ":" + order],
            _ => [],
        };
    }

    /// <summary>
    /// What the event's <see cref="ErpChange.Sequence"/> orders. The ERP counts one sequence per entity (a SKU's item,
    /// price and stock changes share it), so the guard is per entity and type: a late price event must not be
    /// swallowed because a newer stock event of the same SKU came first.
    /// </summary>
    public static string SequenceScope(ErpChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var entity = change.OrderNumber is { } order ? "order:" + order
            : change.Sku is { } sku ? "sku:" + sku + (change.CustomerId is { } c ? "|customer:" + c : "")
            : "customer:" + change.CustomerId;
        return change.Type + "/" + entity;
    }
}
