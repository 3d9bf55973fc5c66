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
    readonly CoalescingLoader<PriceSchedule> _listPrices;
    readonly CoalescingLoader<SkuPromotion> _promotions;
    readonly TimeProvider _time;
    readonly SingleFlight<ProductSearch, ProductPage> _searches = new();
    readonly SingleFlight<string, SalesOrderState?> _orderLookups = new();

    public ErpConnector(IErpClient client, ErpPipeline pipeline, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(pipeline);
        _client = client;
        _pipeline = pipeline;
        _time = time;
        _products = Loader<Product>("products.get", async (keys, ct) => ByKey(await client.GetProductsAsync(keys, ct), p => p.Sku));
        _customers = Loader<Customer>("customers.get", async (keys, ct) => ByKey(await client.GetCustomersAsync(keys, ct), c => c.CustomerId));
        _stock = Loader<StockLevel>("stock.get", async (keys, ct) => ByKey(await client.GetStockAsync(keys, ct), s => s.Sku));
        _listPrices = Loader<PriceSchedule>("prices.list", (currency, keys, ct) => client.GetListPricesAsync(currency, keys, ct));
        _promotions = Loader<SkuPromotion>("prices.promotions", (keys, ct) => client.GetPromotionsAsync(keys, ct));
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
            new ErpCall("orders.submit", ErpCallKind.Write, ErpTraffic.Current),
            ct => _client.SubmitOrderAsync(order, ct),
            cancellationToken);
    }

    public Task<SalesOrderState?> FindByExternalReferenceAsync(string externalReference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalReference);
        var traffic = ErpTraffic.Current;
        return _orderLookups.RunAsync(
            externalReference,
            () => ReadAsync("orders.find", traffic, ct => _client.FindOrderAsync(externalReference, ct), CancellationToken.None),
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
            var page = await ReadAsync("products.search", traffic, ct => _client.SearchProductsAsync(window, ct), CancellationToken.None);
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

    CoalescingLoader<T> Loader<T>(string operation, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> call)
        where T : class =>
        Loader<T>(operation, (_, keys, ct) => call(keys, ct));

    /// <summary>
    /// Lookups of one kind batched across requests. The call is made with the gateway's own ERP credentials (the
    /// client's), never a caller's, so one call may carry many callers' keys without mixing their rights.
    /// </summary>
    /// <param name="call">One request for at most the batch limit of keys of one group.</param>
    CoalescingLoader<T> Loader<T>(string operation, Func<string, IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> call)
        where T : class =>
        new(
            operation,
            _pipeline.Options.BatchLimit,
            _pipeline.Options.CoalescingWindow,
            _time,
            (group, traffic, close) => ReadAsync(operation, traffic, ct => call(group, close(), ct)),
            _pipeline.Options.CoalescingCallsInFlight,
            _pipeline.Options.CoalescingMaxHold);

    Task<T> ReadAsync<T>(string operation, ErpTrafficClass traffic, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken = default) =>
        _pipeline.ExecuteAsync(new ErpCall(operation, ErpCallKind.Read, traffic), call, cancellationToken);

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
