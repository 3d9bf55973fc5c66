using System.Xml.Serialization;

namespace ErpSimulator.Legacy.Contract;

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class GetShipmentsResult
{
    [XmlArrayItem("Shipment")]
    public LegacyShipment[] Shipments { get; set; } = [];
}

/// <summary>One parcel (delivery) of a sales order.</summary>
[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyShipment
{
    /// <summary>10 digits, 80000xxxxx.</summary>
    public string DeliveryNumber { get; set; } = "";
    public string OrderNumber { get; set; } = "";
    /// <summary>1, 2, ...: the parcel's place among the order's deliveries.</summary>
    public int Part { get; set; }
    public string Carrier { get; set; } = "";
    public string TrackingNumber { get; set; } = "";
    /// <summary>yyyyMMdd, UTC.</summary>
    public string ShipDate { get; set; } = "";
    /// <summary>HHmmss, UTC.</summary>
    public string ShipTime { get; set; } = "";
    [XmlArrayItem("Line")]
    public LegacyReturnLine[] Lines { get; set; } = [];
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class GetInvoicesResult
{
    [XmlArrayItem("Invoice")]
    public LegacyInvoice[] Invoices { get; set; } = [];

    /// <summary>Invoices that match, all pages together.</summary>
    public int TotalRows { get; set; }
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyInvoice
{
    /// <summary>10 digits, 90000xxxxx.</summary>
    public string InvoiceNumber { get; set; } = "";
    public string OrderNumber { get; set; } = "";
    /// <summary>The sales order's ExternalRef.</summary>
    public string ExternalRef { get; set; } = "";
    public string CustomerNumber { get; set; } = "";
    public string Currency { get; set; } = "";
    [XmlArrayItem("Line")]
    public LegacyInvoiceLine[] Lines { get; set; } = [];
    /// <summary>Decimals as strings, 4 places.</summary>
    public string NetAmount { get; set; } = "";
    /// <summary>Percent, 3 places ("13.000").</summary>
    public string TaxPercent { get; set; } = "";
    public string TaxAmount { get; set; } = "";
    public string GrossAmount { get; set; } = "";
    /// <summary>yyyyMMdd, UTC.</summary>
    public string InvoiceDate { get; set; } = "";
    /// <summary>HHmmss, UTC.</summary>
    public string InvoiceTime { get; set; } = "";
    /// <summary>yyyyMMdd: the invoice date plus the customer's payment terms.</summary>
    public string DueDate { get; set; } = "";
    /// <summary>O (open), P (paid), D (overdue: open past its due date).</summary>
    public string Status { get; set; } = "";
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyInvoiceLine
{
    public string ItemNumber { get; set; } = "";
    public string Quantity { get; set; } = "";
    public string UnitPrice { get; set; } = "";
    public string NetAmount { get; set; } = "";
}

/// <summary>A line to return, or a line shipped: 18-digit item number, eaches with 3 decimals.</summary>
[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyReturnLine
{
    public string ItemNumber { get; set; } = "";
    public string Quantity { get; set; } = "";
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class CreateReturnResult
{
    /// <summary>10 digits, 70000xxxxx.</summary>
    public string ReturnNumber { get; set; } = "";
    public string ExternalRef { get; set; } = "";
    /// <summary>Q/A/E/C/R (see LegacyReturn.Status).</summary>
    public string Status { get; set; } = "";
    /// <summary>False when a return with this ExternalRef already existed (it is returned instead).</summary>
    public bool Created { get; set; }
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class GetReturnsResult
{
    [XmlArrayItem("Return")]
    public LegacyReturn[] Returns { get; set; } = [];
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyReturn
{
    public string ReturnNumber { get; set; } = "";
    public string ExternalRef { get; set; } = "";
    public string OrderNumber { get; set; } = "";
    public string CustomerNumber { get; set; } = "";
    [XmlArrayItem("Line")]
    public LegacyReturnLine[] Lines { get; set; } = [];
    public string ReasonText { get; set; } = "";
    /// <summary>Q (requested), A (authorised), E (received), C (credited), R (rejected).</summary>
    public string Status { get; set; } = "";
    public string RejectReason { get; set; } = "";
    /// <summary>10 digits, 95000xxxxx, once credited.</summary>
    public string CreditMemoNumber { get; set; } = "";
    /// <summary>4 places, once credited.</summary>
    public string CreditAmount { get; set; } = "";
    /// <summary>yyyyMMdd, UTC, of the request.</summary>
    public string CreateDate { get; set; } = "";
    public string CreateTime { get; set; } = "";
    /// <summary>yyyyMMdd, UTC, of the last status change.</summary>
    public string StatusDate { get; set; } = "";
    public string StatusTime { get; set; } = "";
}
