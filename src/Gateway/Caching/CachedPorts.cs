using Gateway.Core;
using Gateway.Core.Catalog;
using Gateway.Core.Customers;
using Gateway.Core.Inventory;
using Gateway.Core.Orders;

namespace Gateway.Caching;

/// <summary>
/// The item master through the cache. Searches pass through: a page depends on every item of its category and text,
/// which no entity tag can invalidate precisely, and items found are read by SKU afterwards anyway.
/// </summary>
internal sealed class CachedCatalog(ICatalogSource erp, CacheRegion<Product> products, ProductPageCache pages) : ICatalogSource
{
    public async Task<IReadOnlyList<Product>> GetProductsAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var found = await products.GetManyAsync(skus, async (keys, ct) => ByKey(await erp.GetProductsAsync(keys, ct), p => p.Sku), cancellationToken);
        return InOrder(skus, found);
    }

    public Task<ProductPage> SearchAsync(ProductSearch search, CancellationToken cancellationToken) =>
        pages.GetAsync(search, erp.SearchAsync, GetProductsAsync, products, cancellationToken);

    internal static Dictionary<string, T> ByKey<T>(IEnumerable<T> values, Func<T, string> key)
    {
        var byKey = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            byKey[key(value)] = value;
        }

        return byKey;
    }

    /// <summary>The found values in the order asked, once per key, as the ERP ports answer.</summary>
    internal static IReadOnlyList<T> InOrder<T>(IEnumerable<string> keys, IReadOnlyDictionary<string, T> found)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. keys.Where(k => seen.Add(k) && found.ContainsKey(k)).Select(k => found[k])];
    }
}

/// <summary>Customer accounts through the cache.</summary>
internal sealed class CachedCustomers(ICustomerSource erp, CacheRegion<Customer> customers) : ICustomerSource
{
    public async Task<IReadOnlyList<Customer>> GetCustomersAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        var found = await customers.GetManyAsync(
            customerIds, async (keys, ct) => CachedCatalog.ByKey(await erp.GetCustomersAsync(keys, ct), c => c.CustomerId), cancellationToken);
        return CachedCatalog.InOrder(customerIds, found);
    }
}

/// <summary>Stock through the cache, with the shortest time to live and max staleness of all.</summary>
internal sealed class CachedStock(IStockSource erp, CacheRegion<StockLevel> stock) : IStockSource
{
    public async Task<IReadOnlyList<StockLevel>> GetStockAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var found = await stock.GetManyAsync(skus, async (keys, ct) => CachedCatalog.ByKey(await erp.GetStockAsync(keys, ct), s => s.Sku), cancellationToken);
        return CachedCatalog.InOrder(skus, found);
    }
}

/// <summary>
/// An order's invoice through the cache, under the ERP's order number: it changes rarely and every change is an event of
/// the order (<see cref="CacheKeys.StaleAfter"/>). Shipments pass through: a return is checked against them and the order
/// status feed reads them on the very event that adds a parcel, before every instance has dropped its copy, so a cached
/// list could answer one parcel short. A customer's invoice list passes through, as product searches do: it depends on
/// every invoice of the customer, which no entity key invalidates precisely.
/// </summary>
internal sealed class CachedOrderDocuments(IOrderDocumentSource erp, CacheRegion<InvoiceEntry> invoices) : IOrderDocumentSource
{
    public Task<IReadOnlyList<ErpShipment>> GetShipmentsAsync(string erpOrderNumber, CancellationToken cancellationToken) =>
        erp.GetShipmentsAsync(erpOrderNumber, cancellationToken);

    public async Task<ErpInvoice?> GetInvoiceAsync(string erpOrderNumber, CancellationToken cancellationToken) =>
        (await invoices.GetAsync(erpOrderNumber, async ct => new InvoiceEntry(await erp.GetInvoiceAsync(erpOrderNumber, ct)), cancellationToken))?.Invoice;

    public Task<InvoicePage> ListInvoicesAsync(string customerId, DateOnly since, int offset, int limit, CancellationToken cancellationToken) =>
        erp.ListInvoicesAsync(customerId, since, offset, limit, cancellationToken);
}

/// <summary>An order's invoice as one cache entry; null before the order is invoiced, which is an answer too.</summary>
internal sealed record InvoiceEntry(ErpInvoice? Invoice);
