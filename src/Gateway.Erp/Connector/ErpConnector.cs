using Gateway.Core;
using Gateway.Core.Catalog;
using Gateway.Core.Concurrency;
using Gateway.Core.Customers;
using Gateway.Core.Erp;
using Gateway.Core.Inventory;
using Gateway.Core.Orders;
using Gateway.Core.Pricing;
using Gateway.Erp.Outbound;
using Gateway.Erp.Outbound.Coalescing;

namespace Gateway.Erp.Connector;

/// <summary>
/// The Core ports for one ERP: the same batching, coalescing and paging for both ERPs, every request through that
/// ERP's <see cref="ErpPipeline"/>, the dialect left to its <see cref="IErpClient"/>.
/// </summary>
internal sealed partial class ErpConnector : ICatalogSource, ICustomerSource, IStockSource, IOrderSink
{
    readonly IErpClient _client;
    readonly ErpPipeline _pipeline;
    readonly CoalescingLoader<Product> _products;
    readonly CoalescingLoader<Customer> _customers;
    readonly CoalescingLoader<StockLevel> _stock;
    readonly SingleFlight<ProductSearch, ProductPage> _searches = new();
    readonly SingleFlight<string, SalesOrderState?> _orderLookups = new();

    public ErpConnector(IErpClient client, ErpPipeline pipeline, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(pipeline);
        _client = client;
        _pipeline = pipeline;
        var batch = pipeline.Options.BatchLimit;
        var window = pipeline.Options.CoalescingWindow;
        _products = new("products.get", batch, window, time, (_, keys, traffic) =>
            ReadAsync<IReadOnlyDictionary<string, Product>>("products.get", traffic, keys.Count, async ct => ByKey(await client.GetProductsAsync(keys, ct), p => p.Sku)));
        _customers = new("customers.get", batch, window, time, (_, keys, traffic) =>
            ReadAsync<IReadOnlyDictionary<string, Customer>>("customers.get", traffic, keys.Count, async ct => ByKey(await client.GetCustomersAsync(keys, ct), c => c.CustomerId)));
        _stock = new("stock.get", batch, window, time, (_, keys, traffic) =>
            ReadAsync<IReadOnlyDictionary<string, StockLevel>>("stock.get", traffic, keys.Count, async ct => ByKey(await client.GetStockAsync(keys, ct), s => s.Sku)));
    }

    public ErpSystem Erp => _client.Erp;

    public async Task<IReadOnlyList<Product>> GetProductsAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var keys = ErpBatches.Distinct(skus);
        return keys.Count == 0 ? [] : InOrder(keys, await _products.LoadAsync("", keys, ErpTraffic.Current, cancellationToken));
    }

    public Task<ProductPage> SearchAsync(ProductSearch search, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentOutOfRangeException.ThrowIfNegative(search.Offset);
        ArgumentOutOfRangeException.ThrowIfNegative(search.Limit);
        var traffic = ErpTraffic.Current;
        return _searches.RunAsync(search, () => SearchInPagesAsync(search, traffic), cancellationToken);
    }

    public async Task<IReadOnlyList<Customer>> GetCustomersAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken)
    {
        var keys = ErpBatches.Distinct(customerIds);
        return keys.Count == 0 ? [] : InOrder(keys, await _customers.LoadAsync("", keys, ErpTraffic.Current, cancellationToken));
    }

    public async Task<IReadOnlyList<StockLevel>> GetStockAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        var keys = ErpBatches.Distinct(skus);
        return keys.Count == 0 ? [] : InOrder(keys, await _stock.LoadAsync("", keys, ErpTraffic.Current, cancellationToken));
    }

    public Task<SalesOrderState> SubmitAsync(SalesOrderRequest order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        return _pipeline.ExecuteAsync(
            new ErpCall("orders.submit", ErpCallKind.Write, ErpTraffic.Current, order.Lines.Count),
            ct => _client.SubmitOrderAsync(order, ct),
            cancellationToken);
    }

    public Task<SalesOrderState?> FindByExternalReferenceAsync(string externalReference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalReference);
        var traffic = ErpTraffic.Current;
        return _orderLookups.RunAsync(
            externalReference,
            () => ReadAsync("orders.find", traffic, 1, ct => _client.FindOrderAsync(externalReference, ct), CancellationToken.None),
            cancellationToken);
    }

    async Task<ProductPage> SearchInPagesAsync(ProductSearch search, ErpTrafficClass traffic)
    {
        var pageLimit = _pipeline.Options.PageLimit;
        var items = new List<Product>(Math.Min(search.Limit, 1000));
        var offset = search.Offset;
        var total = 0;
        do
        {
            // A zero limit still asks for one row: the caller wants the total.
            var want = Math.Clamp(search.Limit - items.Count, 1, pageLimit);
            var window = search with { Offset = offset, Limit = want };
            var page = await ReadAsync("products.search", traffic, want, ct => _client.SearchProductsAsync(window, ct), CancellationToken.None);
            total = page.Total;
            items.AddRange(page.Items.Take(search.Limit - items.Count));
            offset += page.Items.Count;
            if (page.Items.Count < want)
            {
                break;
            }
        }
        while (items.Count < search.Limit && offset < total);

        return new ProductPage(items, total);
    }

    Task<T> ReadAsync<T>(string operation, ErpTrafficClass traffic, int items, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken = default) =>
        _pipeline.ExecuteAsync(new ErpCall(operation, ErpCallKind.Read, traffic, items), call, cancellationToken);

    static Dictionary<string, T> ByKey<T>(IReadOnlyList<T> values, Func<T, string> key)
    {
        var byKey = new Dictionary<string, T>(values.Count, StringComparer.Ordinal);
        foreach (var value in values)
        {
            byKey[key(value)] = value;
        }

        return byKey;
    }

    static IReadOnlyList<T> InOrder<T>(IReadOnlyList<string> keys, IReadOnlyDictionary<string, T> found) =>
        [.. keys.Where(found.ContainsKey).Select(k => found[k])];
}
