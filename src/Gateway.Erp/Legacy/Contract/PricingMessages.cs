using System.Xml.Serialization;

namespace Gateway.Erp.Legacy.Contract;

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyBreak
{
    /// <summary>Quantity in eaches, 3 decimals.</summary>
    public string FromQuantity { get; set; } = "";
    /// <summary>Price per each, 4 decimals.</summary>
    public string Price { get; set; } = "";
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class GetListPricesResult
{
    [XmlArrayItem("ListPrice")]
    public LegacyListPrice[] ListPrices { get; set; } = [];
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyListPrice
{
    public string ItemNumber { get; set; } = "";
    public string Currency { get; set; } = "";
    [XmlArrayItem("Break")]
    public LegacyBreak[] Breaks { get; set; } = [];
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class GetContractPricesResult
{
    [XmlArrayItem("ContractPrice")]
    public LegacyContractPrice[] ContractPrices { get; set; } = [];
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyContractPrice
{
    public string ItemNumber { get; set; } = "";
    public string Currency { get; set; } = "";
    [XmlArrayItem("Break")]
    public LegacyBreak[] Breaks { get; set; } = [];
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class GetPromotionsResult
{
    [XmlArrayItem("Promotion")]
    public LegacyPromotion[] Promotions { get; set; } = [];
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyPromotion
{
    public string ItemNumber { get; set; } = "";
    /// <summary>Price per each in USD, 4 decimals.</summary>
    public string PriceUsd { get; set; } = "";
    /// <summary>Price per each in CAD, 4 decimals.</summary>
    public string PriceCad { get; set; } = "";
    /// <summary>yyyyMMdd, first day the promotion applies.</summary>
    public string ValidFrom { get; set; } = "";
    /// <summary>yyyyMMdd, last day the promotion applies.</summary>
    public string ValidTo { get; set; } = "";
}
