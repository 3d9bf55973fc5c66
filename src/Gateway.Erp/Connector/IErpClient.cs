using Gateway.Core.Catalog;
using Gateway.Core.Customers;
using Gateway.Core.Erp;
using Gateway.Core.Inventory;
using Gateway.Core.Orders;
using Gateway.Core.Pricing;

namespace Gateway.Erp.Connector;

/// <summary>
/// One ERP's wire, spoken in canonical terms: each method is exactly one request to the ERP, its answer mapped by the
/// dialect's mapping. Batch limits, quota, retries and coalescing are not its business (see <see cref="ErpConnector"/>);
/// failures are reported as the pipeline's signals (throttled, transient, contract) or Core's <see cref="ErpRejectedException"/>.
/// </summary>
internal interface IErpClient
{
    ErpSystem Erp { get; }

    /// <param name="skus">At most the ERP's batch size.</param>
    Task<IReadOnlyList<Product>> GetProductsAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken);

    /// <param name="window">Limit at most the ERP's page size.</param>
    Task<ProductPage> SearchProductsAsync(ProductSearch window, CancellationToken cancellationToken);

    Task<IReadOnlyList<Customer>> GetCustomersAsync(IReadOnlyList<string> customerIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<StockLevel>> GetStockAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken);

    Task<SalesOrderState> SubmitOrderAsync(SalesOrderRequest order, CancellationToken cancellationToken);

    Task<SalesOrderState?> FindOrderAsync(string externalReference, CancellationToken cancellationToken);

    Task<IReadOnlyList<ErpShipment>> GetShipmentsAsync(string erpOrderNumber, CancellationToken cancellationToken);

    Task<ErpInvoice?> GetInvoiceAsync(string erpOrderNumber, CancellationToken cancellationToken);

    /// <param name="limit">At most the ERP's page size.</param>
    Task<InvoicePage> ListInvoicesAsync(string customerId, DateOnly since, int offset, int limit, CancellationToken cancellationToken);

    Task<ErpReturn> RequestReturnAsync(ReturnRequest request, CancellationToken cancellationToken);

    Task<ErpReturn?> FindReturnAsync(string externalReference, CancellationToken cancellationToken);

    // The price components (see IPriceComponentSource): the shared parts of a quote, cached apart by the gateway.

    /// <param name="skus">At most the ERP's batch size.</param>
    Task<IReadOnlyDictionary<string, PriceSchedule>> GetListPricesAsync(string currency, IReadOnlyList<string> skus, CancellationToken cancellationToken);

    /// <returns>Null when the customer does not exist.</returns>
    Task<ContractPrices?> GetContractPricesAsync(string customerId, CancellationToken cancellationToken);

    /// <param name="skus">At most the ERP's batch size.</param>
    Task<IReadOnlyDictionary<string, SkuPromotion>> GetPromotionsAsync(IReadOnlyList<string> skus, CancellationToken cancellationToken);
}
