using System.Xml.Serialization;

namespace Gateway.Erp.Legacy.Contract;

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyOrderLine
{
    public string ItemNumber { get; set; } = "";
    /// <summary>Eaches, 3 decimals; a multiple of the item's pack size.</summary>
    public string Quantity { get; set; } = "";
    /// <summary>Optional price per each, 4 decimals; empty or absent lets the ERP price the line.</summary>
    public string? UnitPrice { get; set; }
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class CreateSalesOrderResult
{
    public string OrderNumber { get; set; } = "";

    public string ExternalRef { get; set; } = "";

    /// <summary>C/A/S/I/R.</summary>
    public string Status { get; set; } = "";

    /// <summary>False when an order with this ExternalRef already existed (it is returned instead).</summary>
    public bool Created { get; set; }
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class GetSalesOrdersResult
{
    [XmlArrayItem("SalesOrder")]
    public LegacySalesOrder[] SalesOrders { get; set; } = [];
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacySalesOrder
{
    public string OrderNumber { get; set; } = "";
    public string ExternalRef { get; set; } = "";
    /// <summary>C (confirmed), A (allocated), S (shipped), I (invoiced), R (rejected).</summary>
    public string Status { get; set; } = "";
    public string Carrier { get; set; } = "";
    public string TrackingNumber { get; set; } = "";
    /// <summary>yyyyMMdd, UTC, of the last status change.</summary>
    public string StatusDate { get; set; } = "";
    /// <summary>HHmmss, UTC.</summary>
    public string StatusTime { get; set; } = "";
    public string RejectReason { get; set; } = "";
}
