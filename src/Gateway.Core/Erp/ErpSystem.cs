namespace Gateway.Core.Erp;

/// <summary>The distributor's two ERPs.</summary>
public enum ErpSystem
{
    Legacy,
    Cloud,
}

/// <summary>The business domains whose system of record is chosen per domain (<c>Erp:Routing:&lt;Domain&gt;</c>).</summary>
public enum ErpDomain
{
    Products,
    Customers,
    Pricing,
    Inventory,
    Orders,
}
