using System.Xml.Serialization;

namespace Gateway.Erp.Legacy.Contract;

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class GetItemsResult
{
    /// <summary>The items found; unknown numbers are simply absent.</summary>
    [XmlArrayItem("Item")]
    public LegacyItem[] Items { get; set; } = [];
}

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class SearchItemsResult
{
    [XmlArrayItem("Item")]
    public LegacyItem[] Items { get; set; } = [];

    public int TotalRows { get; set; }
}

/// <summary>The item master record in the legacy dialect.</summary>
[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyItem
{
    public string ItemNumber { get; set; } = "";
    /// <summary>The item's name (the legacy ERP calls it the description).</summary>
    public string Description { get; set; } = "";
    /// <summary>The item's long description.</summary>
    public string LongText { get; set; } = "";
    /// <summary>The category.</summary>
    public string ProductGroup { get; set; } = "";
    /// <summary>EA, BX12, CS24...</summary>
    public string Uom { get; set; } = "";
    /// <summary>A (active), D (discontinued), B (blocked).</summary>
    public string Status { get; set; } = "";
    /// <summary>The item's version.</summary>
    public long ChangeNumber { get; set; }
    /// <summary>yyyyMMdd, UTC.</summary>
    public string ChangedDate { get; set; } = "";
    /// <summary>HHmmss, UTC.</summary>
    public string ChangedTime { get; set; } = "";
}
