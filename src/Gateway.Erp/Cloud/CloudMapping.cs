using Gateway.Core.Catalog;
using Gateway.Core.Customers;
using Gateway.Core.Inventory;
using Gateway.Core.Orders;
using Gateway.Core.Pricing;
using Gateway.Erp.Connector;
using Gateway.Erp.Outbound;

namespace Gateway.Erp.Cloud;

/// <summary>
/// The cloud dialect to the canonical model and back, in one place: lower-case enums, unit of measure as
/// <c>{ code: each|box|case, packSize }</c>, locations as warehouses with <c>allocated</c> as reserved, terms
/// <c>net30</c>/<c>cod</c>. A value outside the contract is an <see cref="ErpContractException"/>, never a guess.
/// </summary>
internal static partial class CloudMapping
{
    public static Product ToProduct(CloudItem item) => new(
        item.Sku,
        item.Name,
        item.Description,
        item.Category,
        Uom(item.UnitOfMeasure.Code),
        item.UnitOfMeasure.PackSize,
        item.Status switch
        {
            "active" => ProductStatus.Active,
            "discontinued" => ProductStatus.Discontinued,
            "blocked" => ProductStatus.Blocked,
            _ => throw Unexpected("item status", item.Status),
        },
        item.Version,
        CanonicalAmounts.Timestamp(item.UpdatedAt));

    public static string Uom(string code) => code switch
    {
        "each" => "EA",
        "box" => "BX",
        "case" => "CS",
        _ => throw Unexpected("unit of measure", code),
    };

    public static Customer ToCustomer(CloudCustomer customer) => new(
        customer.Id,
        customer.Name,
        customer.Status switch
        {
            "active" => CustomerStatus.Active,
            "inactive" => CustomerStatus.Inactive,
            _ => throw Unexpected("customer status", customer.Status),
        },
        customer.CreditStatus switch
        {
            "ok" => CreditStatus.Ok,
            "hold" => CreditStatus.Hold,
            _ => throw Unexpected("credit status", customer.CreditStatus),
        },
        PaymentTerms(customer.PaymentTerms),
        customer.Currency.ToUpperInvariant(),
        ToAddress(customer.BillTo),
        [.. customer.ShipTos.Select(s => new ShipTo(s.Id, s.Name, ToAddress(s.Address)))]);

    public static string PaymentTerms(string terms) => terms switch
    {
        "net30" => "NET30",
        "net45" => "NET45",
        "net60" => "NET60",
        "cod" => "COD",
        _ => throw Unexpected("payment terms", terms),
    };

    public static StockLevel ToStock(CloudInventory inventory) => StockLevel.FromWarehouses(
        inventory.Sku,
        inventory.Locations.Select(l => new WarehouseStock(l.LocationId, l.OnHand, l.Allocated, l.SafetyStock)),
        inventory.Version,
        CanonicalAmounts.Timestamp(inventory.AsOf));

    public static CloudSalesOrderRequest ToCloud(SalesOrderRequest order) => new(
        order.ExternalReference,
        order.CustomerId,
        order.ShipToId,
        order.PoNumber,
        [.. order.Lines.Select(l => new CloudSalesOrderLine(l.Sku, l.Quantity, l.UnitPrice))]);

    public static SalesOrderState ToOrderState(CloudSalesOrder order, bool created) => new(
        order.OrderNumber,
        order.ExternalReference,
        order.Status switch
        {
            "confirmed" => ErpOrderStatus.Confirmed,
            "allocated" => ErpOrderStatus.Allocated,
            "shipped" => ErpOrderStatus.Shipped,
            "invoiced" => ErpOrderStatus.Invoiced,
            "rejected" => ErpOrderStatus.Rejected,
            _ => throw Unexpected("order status", order.Status),
        },
        string.IsNullOrEmpty(order.Carrier) ? null : order.Carrier,
        string.IsNullOrEmpty(order.TrackingNumber) ? null : order.TrackingNumber,
        CanonicalAmounts.Timestamp(order.StatusChangedAt),
        string.IsNullOrEmpty(order.RejectReason) ? null : order.RejectReason,
        created);

    static Address ToAddress(CloudAddress address) =>
        new(address.Line1, address.City, address.Region, address.PostalCode, address.Country);

    static ErpContractException Unexpected(string what, string? value) =>
        new($"The cloud ERP sent an unknown {what} '{value}'.");
}
