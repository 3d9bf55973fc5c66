using System.Xml.Serialization;

namespace ErpSimulator.Legacy.Contract;

[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class GetChangesResult
{
    /// <summary>Pass it as SinceToken to resume after the last change returned.</summary>
    public string NextToken { get; set; } = "";

    [XmlArrayItem("Change")]
    public LegacyChange[] Changes { get; set; } = [];
}

/// <summary>One change event: the same event (eventId, sequence) the cloud ERP sends as a webhook.</summary>
[XmlType(Namespace = LegacyErpNamespace.Value)]
public sealed class LegacyChange
{
    /// <summary>Position in the feed; resume after it with SinceToken.</summary>
    public string Token { get; set; } = "";
    /// <summary>item.changed, price.changed, inventory.changed, customer.changed, order.changed, invoice.changed, return.changed.</summary>
    public string Type { get; set; } = "";
    public string? ItemNumber { get; set; }
    public string? CustomerNumber { get; set; }
    public string? Plant { get; set; }
    public string? OrderNumber { get; set; }
    /// <summary>Grows per entity: an older or repeated change can be recognised.</summary>
    public long Sequence { get; set; }
    /// <summary>yyyyMMdd, UTC.</summary>
    public string Date { get; set; } = "";
    /// <summary>HHmmss, UTC.</summary>
    public string Time { get; set; } = "";
    public string EventId { get; set; } = "";
}
