using System.Xml.Serialization;

namespace Gateway.Erp.Legacy.Contract;

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class GetStockResult
{
    /// <summary>One row per item and plant (warehouse).</summary>
    [XmlArrayItem("Stock")]
    public LegacyStock[] Stock { get; set; } = [];
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyStock
{
    public string ItemNumber { get; set; } = "";
    /// <summary>DAL, ATL or TOR.</summary>
    public string Plant { get; set; } = "";
    /// <summary>Quantities in eaches, 3 decimals.</summary>
    public string OnHand { get; set; } = "";
    public string Reserved { get; set; } = "";
    public string SafetyStock { get; set; } = "";
    /// <summary>The item's stock version (grows on every stock change of the item).</summary>
    public long ChangeNumber { get; set; }
    /// <summary>yyyyMMdd, UTC.</summary>
    public string AsOfDate { get; set; } = "";
    /// <summary>HHmmss, UTC.</summary>
    public string AsOfTime { get; set; } = "";
}
