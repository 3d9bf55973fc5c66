using Gateway.Core.Erp;

namespace Gateway.Erp.Routing;

/// <summary>
/// Which ERP is the system of record for each domain. Read on every call, so a configuration reload moves a
/// domain from one ERP to the other without a restart; canonical answers do not change.
/// </summary>
public sealed class ErpRoutingOptions
{
    public const string SectionName = "Erp:Routing";

    /// <summary>Item master. Default: Legacy.</summary>
    public ErpSystem Products { get; set; } = ErpSystem.Legacy;

    /// <summary>Customer accounts. Default: Legacy.</summary>
    public ErpSystem Customers { get; set; } = ErpSystem.Legacy;

    /// <summary>Price quotes. Default: Cloud.</summary>
    public ErpSystem Pricing { get; set; } = ErpSystem.Cloud;

    /// <summary>Stock. Default: Cloud.</summary>
    public ErpSystem Inventory { get; set; } = ErpSystem.Cloud;

    /// <summary>Sales order hand-off and status. Default: Cloud.</summary>
    public ErpSystem Orders { get; set; } = ErpSystem.Cloud;

    public ErpSystem For(ErpDomain domain) => domain switch
    {
        ErpDomain.Products => Products,
        ErpDomain.Customers => Customers,
        ErpDomain.Pricing => Pricing,
        ErpDomain.Inventory => Inventory,
        ErpDomain.Orders => Orders,
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, "Unknown ERP domain."),
    };
}
