using Gateway.Core;
using Gateway.Core.Catalog;
using Gateway.Core.Customers;
using Gateway.Core.Inventory;
using Gateway.Core.Orders;
using Gateway.GraphQL.Schema;
using Gateway.Orders.Documents;
using Gateway.Orders.Returns;

namespace Gateway.GraphQL.Loading;

/// <summary>
/// The loaders of one GraphQL request, reading through the Core ports (and so through the shared cache that decorates
/// them): one price fetch per customer and quantity, one stock fetch, one product fetch, one customer fetch per level.
/// The ERPs answer an order's parcels and a return one at a time, so a level's orders and returns are asked together,
/// each once; returns only of customers the caller acts for (<paramref name="callerActsFor"/>).
/// </summary>
internal sealed class RequestLoaders(
    ICatalogSource catalog,
    ICustomerSource customers,
    IPriceSource prices,
    IStockSource stock,
    IOrderDocumentSource documents,
    OrderDocumentReads reads,
    Func<string, bool> callerActsFor,
    CancellationToken requestAborted)
{
    readonly Lock _gate = new();
    readonly Dictionary<(string CustomerId, int Quantity), BatchLoader<ProductPrice>> _prices = [];
    BatchLoader<Product>? _products;
    BatchLoader<Customer>? _customers;
    BatchLoader<StockLevel>? _stock;
    BatchLoader<IReadOnlyList<ErpShipment>>? _parcels;
    BatchLoader<ReturnAuthorisation>? _returns;

    public BatchLoader<Product> Products => Lazily(ref _products, async (skus, ct) =>
        (await catalog.GetProductsAsync(skus, ct)).ToDictionary(p => p.Sku, StringComparer.Ordinal));

    public BatchLoader<Customer> Customers => Lazily(ref _customers, async (ids, ct) =>
        (await customers.GetCustomersAsync(ids, ct)).ToDictionary(c => c.CustomerId, StringComparer.Ordinal));

    public BatchLoader<StockLevel> Stock => Lazily(ref _stock, async (skus, ct) =>
        (await stock.GetStockAsync(skus, ct)).ToDictionary(s => s.Sku, StringComparer.Ordinal));

    /// <summary>The parcels of orders, by the ERP's order number.</summary>
    public BatchLoader<IReadOnlyList<ErpShipment>> Parcels => Lazily(ref _parcels, (numbers, ct) =>
        EachAsync<IReadOnlyList<ErpShipment>>(numbers, async number => await documents.GetShipmentsAsync(number, ct)));

    /// <summary>Returns by id; one of a customer the caller does not act for loads as null, as an unknown one.</summary>
    public BatchLoader<ReturnAuthorisation> Returns => Lazily(ref _returns, (ids, ct) =>
        EachAsync(ids, id => reads.ReturnAsync(id, callerActsFor, ct)));

    /// <summary>Quotes share an ERP call only for one customer at one quantity.</summary>
    public BatchLoader<ProductPrice> Prices(string customerId, int quantity)
    {
        lock (_gate)
        {
            if (!_prices.TryGetValue((customerId, quantity), out var loader))
            {
                loader = new BatchLoader<ProductPrice>(
                    async (skus, ct) =>
                    {
                        var quote = await prices.QuoteAsync(customerId, quantity, skus, ct)
                            ?? throw GraphQLErrors.CustomerNotFound(customerId);
                        return quote.Items.ToDictionary(l => l.Sku, l => new ProductPrice(customerId, quote.Currency, l), StringComparer.Ordinal);
                    },
                    requestAborted);
                _prices[(customerId, quantity)] = loader;
            }

            return loader;
        }
    }

    static async Task<IReadOnlyDictionary<string, T>> EachAsync<T>(IReadOnlyList<string> keys, Func<string, Task<T?>> fetch)
        where T : class
    {
        var values = await Task.WhenAll(keys.Select(fetch));
        var found = new Dictionary<string, T>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            if (values[i] is { } value)
            {
                found[keys[i]] = value;
            }
        }

        return found;
    }

    BatchLoader<T> Lazily<T>(ref BatchLoader<T>? loader, Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyDictionary<string, T>>> fetch)
        where T : class
    {
        lock (_gate)
        {
            return loader ??= new BatchLoader<T>(fetch, requestAborted);
        }
    }
}
