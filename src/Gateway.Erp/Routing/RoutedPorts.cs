using Gateway.Core;
using Gateway.Core.Catalog;
using Gateway.Core.Customers;
using Gateway.Core.Erp;
using Gateway.Core.Inventory;
using Gateway.Core.Orders;
using Gateway.Core.Pricing;
using Gateway.Erp.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Erp.Routing;

/// <summary>
/// The ports the rest of the gateway sees: each call goes to the ERP that <c>Erp:Routing</c> names for its domain at
/// that moment (read per call, so a configuration reload switches the system of record without a restart).
/// </summary>
internal sealed partial class RoutedPorts(
    IOptionsMonitor<ErpRoutingOptions> routing,
    [FromKeyedServices(ErpSystem.Legacy)] ErpConnector legacy,
    [FromKeyedServices(ErpSystem.Cloud)] ErpConnector cloud)
    : ICatalogSource, ICustomerSource, IStockSource, IOrderSink, IOrderDocumentSource, IReturnSink
{
    public Task<IReadOnlyList<Product>> GetProductsAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken) =>
        For(ErpDomain.Products).GetProductsAsync(skus, cancellationToken);

    public Task<ProductPage> SearchAsync(ProductSearch search, CancellationToken cancellationToken) =>
        For(ErpDomain.Products).SearchAsync(search, cancellationToken);

    public Task<IReadOnlyList<Customer>> GetCustomersAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken) =>
        For(ErpDomain.Customers).GetCustomersAsync(customerIds, cancellationToken);

    public Task<IReadOnlyList<StockLevel>> GetStockAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken) =>
        For(ErpDomain.Inventory).GetStockAsync(skus, cancellationToken);

    public Task<SalesOrderState> SubmitAsync(SalesOrderRequest order, CancellationToken cancellationToken) =>
        For(ErpDomain.Orders).SubmitAsync(order, cancellationToken);

    public Task<SalesOrderState?> FindByExternalReferenceAsync(string externalReference, CancellationToken cancellationToken) =>
        For(ErpDomain.Orders).FindByExternalReferenceAsync(externalReference, cancellationToken);

    // An order's documents and returns live where its orders do.
    public Task<IReadOnlyList<ErpShipment>> GetShipmentsAsync(string erpOrderNumber, CancellationToken cancellationToken) =>
        For(ErpDomain.Orders).GetShipmentsAsync(erpOrderNumber, cancellationToken);

    public Task<ErpInvoice?> GetInvoiceAsync(string erpOrderNumber, CancellationToken cancellationToken) =>
        For(ErpDomain.Orders).GetInvoiceAsync(erpOrderNumber, cancellationToken);

    public Task<InvoicePage> ListInvoicesAsync(string customerId, DateOnly since, int offset, int limit, CancellationToken cancellationToken) =>
        For(ErpDomain.Orders).ListInvoicesAsync(customerId, since, offset, limit, cancellationToken);

    public Task<ErpReturn> RequestAsync(ReturnRequest request, CancellationToken cancellationToken) =>
        For(ErpDomain.Orders).RequestAsync(request, cancellationToken);

    public Task<ErpReturn?> FindAsync(string externalReference, CancellationToken cancellationToken) =>
        For(ErpDomain.Orders).FindAsync(externalReference, cancellationToken);

    /// <summary>The ERP that is the system of record for <paramref name="domain"/> now.</summary>
    public ErpSystem SystemOfRecord(ErpDomain domain) => routing.CurrentValue.For(domain);

    ErpConnector For(ErpDomain domain) => SystemOfRecord(domain) == ErpSystem.Legacy ? legacy : cloud;
}
