using System.Xml.Serialization;

namespace ErpSimulator.Tests.Legacy.Client;

// The client's own copy of the legacy wire types, as a connector would write them from the WSDL:
// if the service drifts from this copy, the round-trip tests fail.

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class GetItemsResult
{
    [XmlArrayItem("Item")]
    public LegacyItem[] Items { get; set; } = [];
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class SearchItemsResult
{
    [XmlArrayItem("Item")]
    public LegacyItem[] Items { get; set; } = [];

    public int TotalRows { get; set; }
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class LegacyItem
{
    public string ItemNumber { get; set; } = "";
    public string Description { get; set; } = "";
    public string LongText { get; set; } = "";
    public string ProductGroup { get; set; } = "";
    public string Uom { get; set; } = "";
    public string Status { get; set; } = "";
    public long ChangeNumber { get; set; }
    public string ChangedDate { get; set; } = "";
    public string ChangedTime { get; set; } = "";
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class GetCustomersResult
{
    [XmlArrayItem("Customer")]
    public LegacyCustomer[] Customers { get; set; } = [];
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class LegacyCustomer
{
    public string CustomerNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public string Status { get; set; } = "";
    public string CreditBlock { get; set; } = "";
    public string PaymentTerms { get; set; } = "";
    public string Currency { get; set; } = "";
    public LegacyAddress BillTo { get; set; } = new();
    [XmlArrayItem("ShipTo")]
    public LegacyShipTo[] ShipTos { get; set; } = [];
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class LegacyShipTo
{
    public string ShipToNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public LegacyAddress Address { get; set; } = new();
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class LegacyAddress
{
    public string Street { get; set; } = "";
    public string City { get; set; } = "";
    public string Region { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "";
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class GetPriceQuoteResult
{
    public string Currency { get; set; } = "";

    [XmlArrayItem("Line")]
    public LegacyPriceLine[] Lines { get; set; } = [];
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class LegacyPriceLine
{
    public string ItemNumber { get; set; } = "";
    public string Quantity { get; set; } = "";
    public string NetPrice { get; set; } = "";
    public string ListPrice { get; set; } = "";
    public string Source { get; set; } = "";
    [XmlArrayItem("Break")]
    public LegacyBreak[] Breaks { get; set; } = [];
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class LegacyBreak
{
    public string FromQuantity { get; set; } = "";
    public string Price { get; set; } = "";
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class GetListPricesResult
{
    [XmlArrayItem("ListPrice")]
    public LegacyListPrice[] ListPrices { get; set; } = [];
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class LegacyListPrice
{
    public string ItemNumber { get; set; } = "";
    public string Currency { get; set; } = "";
    [XmlArrayItem("Break")]
    public LegacyBreak[] Breaks { get; set; } = [];
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class GetContractPricesResult
{
    [XmlArrayItem("ContractPrice")]
    public LegacyContractPrice[] ContractPrices { get; set; } = [];
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class LegacyContractPrice
{
    public string ItemNumber { get; set; } = "";
    public string Currency { get; set; } = "";
    [XmlArrayItem("Break")]
    public LegacyBreak[] Breaks { get; set; } = [];
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class GetPromotionsResult
{
    [XmlArrayItem("Promotion")]
    public LegacyPromotion[] Promotions { get; set; } = [];
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class LegacyPromotion
{
    public string ItemNumber { get; set; } = "";
    public string PriceUsd { get; set; } = "";
    public string PriceCad { get; set; } = "";
    public string ValidFrom { get; set; } = "";
    public string ValidTo { get; set; } = "";
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class GetStockResult
{
    [XmlArrayItem("Stock")]
    public LegacyStock[] Stock { get; set; } = [];
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class LegacyStock
{
    public string ItemNumber { get; set; } = "";
    public string Plant { get; set; } = "";
    public string OnHand { get; set; } = "";
    public string Reserved { get; set; } = "";
    public string SafetyStock { get; set; } = "";
    public long ChangeNumber { get; set; }
    public string AsOfDate { get; set; } = "";
    public string AsOfTime { get; set; } = "";
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class LegacyOrderLine
{
    public string ItemNumber { get; set; } = "";
    public string Quantity { get; set; } = "";
    public string? UnitPrice { get; set; }
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class CreateSalesOrderResult
{
    public string OrderNumber { get; set; } = "";

    public string ExternalRef { get; set; } = "";
    public string Status { get; set; } = "";
    public bool Created { get; set; }
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class GetSalesOrdersResult
{
    [XmlArrayItem("SalesOrder")]
    public LegacySalesOrder[] SalesOrders { get; set; } = [];
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class LegacySalesOrder
{
    public string OrderNumber { get; set; } = "";
    public string ExternalRef { get; set; } = "";
    public string Status { get; set; } = "";
    public string Carrier { get; set; } = "";
    public string TrackingNumber { get; set; } = "";
    public string StatusDate { get; set; } = "";
    public string StatusTime { get; set; } = "";
    public string RejectReason { get; set; } = "";
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class GetChangesResult
{
    public string NextToken { get; set; } = "";

    [XmlArrayItem("Change")]
    public LegacyChange[] Changes { get; set; } = [];
}

[XmlType(Namespace = LegacyWire.Namespace)]
public sealed class LegacyChange
{
    public string Token { get; set; } = "";
    public string Type { get; set; } = "";
    public string? ItemNumber { get; set; }
    public string? CustomerNumber { get; set; }
    public string? Plant { get; set; }
    public string? OrderNumber { get; set; }
    public long Sequence { get; set; }
    public string Date { get; set; } = "";
    public string Time { get; set; } = "";
    public string EventId { get; set; } = "";
}
