using System.Xml.Serialization;

namespace Gateway.Erp.Legacy.Contract;

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class GetCustomersResult
{
    [XmlArrayItem("Customer")]
    public LegacyCustomer[] Customers { get; set; } = [];
}

/// <summary>A customer (sold-to) in the legacy dialect.</summary>
[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyCustomer
{
    public string CustomerNumber { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>A (active) or I (inactive).</summary>
    public string Status { get; set; } = "";
    /// <summary>X when the customer is on credit hold, else empty.</summary>
    public string CreditBlock { get; set; } = "";
    /// <summary>Z030, Z045, Z060 or Z000 (cash on delivery).</summary>
    public string PaymentTerms { get; set; } = "";
    public string Currency { get; set; } = "";
    public LegacyAddress BillTo { get; set; } = new();
    [XmlArrayItem("ShipTo")]
    public LegacyShipTo[] ShipTos { get; set; } = [];
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyShipTo
{
    /// <summary>The customer number + "-" + 2 digits.</summary>
    public string ShipToNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public LegacyAddress Address { get; set; } = new();
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyAddress
{
    public string Street { get; set; } = "";
    public string City { get; set; } = "";
    public string Region { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "";
}
