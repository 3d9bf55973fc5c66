using Gateway.Core.Catalog;
using Gateway.Core.Customers;
using Gateway.Core.Inventory;
using Gateway.Core.Orders;
using Gateway.Core.Pricing;

namespace Gateway.Core;

// The ports an ERP connector provides. Batch methods take any number of keys: splitting into the
// ERP's maximum batch size, coalescing and quota are the connector's job, not the caller's.
// Unknown keys are absent from the answer, never an error.

/// <summary>The item master.</summary>
public interface ICatalogSource
{
    Task<IReadOnlyList<Product>> GetProductsAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken);

    Task<ProductPage> SearchAsync(ProductSearch search, CancellationToken cancellationToken);
}

/// <summary>Customer accounts.</summary>
public interface ICustomerSource
{
    Task<IReadOnlyList<Customer>> GetCustomersAsync(IReadOnlyCollection<string> customerIds, CancellationToken cancellationToken);
}

/// <summary>Prices as the ERP would quote them: composed by the gateway from the ERP's price parts by the ERP's own rule (<see cref="Pricing.PriceRules"/>).</summary>
public interface IPriceSource
{
    /// <returns>Null when the customer does not exist.</returns>
    Task<PriceQuote?> QuoteAsync(string customerId, int quantity, IReadOnlyCollection<string> skus, CancellationToken cancellationToken);
}

/// <summary>Stock by warehouse.</summary>
public interface IStockSource
{
    Task<IReadOnlyList<StockLevel>> GetStockAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken);
}

/// <summary>Sales orders in the ERP.</summary>
public interface IOrderSink
{
    /// <summary>Creates the order once per external reference; a repeat returns the first with <c>Created = false</c>.</summary>
    /// <exception cref="Erp.ErpRejectedException">The ERP refuses the order for good.</exception>
    Task<SalesOrderState> SubmitAsync(SalesOrderRequest order, CancellationToken cancellationToken);

    /// <returns>Null when the ERP holds no order for the reference.</returns>
    Task<SalesOrderState?> FindByExternalReferenceAsync(string externalReference, CancellationToken cancellationToken);
}

/// <summary>What a sales order leaves behind in the ERP: its parcels and its invoice, and a customer's invoices.</summary>
public interface IOrderDocumentSource
{
    /// <summary>The order's parcels, first part first; empty before it ships.</summary>
    /// <param name="erpOrderNumber">The ERP's number of the order, as that ERP spells it.</param>
    Task<IReadOnlyList<ErpShipment>> GetShipmentsAsync(string erpOrderNumber, CancellationToken cancellationToken);

    /// <returns>Null before the order is invoiced.</returns>
    Task<ErpInvoice?> GetInvoiceAsync(string erpOrderNumber, CancellationToken cancellationToken);

    /// <summary>The customer's invoices issued on or after <paramref name="since"/> (UTC), oldest first.</summary>
    Task<InvoicePage> ListInvoicesAsync(string customerId, DateOnly since, int offset, int limit, CancellationToken cancellationToken);
}

/// <summary>Return authorisations in the ERP.</summary>
public interface IReturnSink
{
    /// <summary>Requests the return once per external reference; a repeat returns the first with <c>Created = false</c>.</summary>
    /// <exception cref="Erp.ErpRejectedException">The ERP refuses the request (a line it did not ship, more than it shipped).</exception>
    Task<ErpReturn> RequestAsync(ReturnRequest request, CancellationToken cancellationToken);

    /// <returns>Null when the ERP holds no return for the reference.</returns>
    Task<ErpReturn?> FindAsync(string externalReference, CancellationToken cancellationToken);
}
