using System.ComponentModel.DataAnnotations;

namespace Gateway.Edge.Proxy.ErpPassThrough;

/// <summary>
/// The governed, read-only window on the cloud ERP (<c>Edge:ErpPassThrough:*</c>): which of its resources are
/// exposed under <c>/erp/cloud/**</c> and the scope each requires. Anything not listed answers 404.
/// </summary>
public sealed class ErpPassThroughOptions
{
    public const string SectionName = "Edge:ErpPassThrough";

    /// <summary>
    /// Resource path prefixes under <c>/cloud/api/</c> and the scope each needs. Default: items (catalog:read),
    /// inventory (inventory:read), pricing/list-prices and pricing/promotions (pricing:read). Customers, contracts,
    /// quotes and sales orders are left out on purpose: the pass-through cannot scope them to the caller's customers.
    /// </summary>
    [Required]
    public Dictionary<string, string> Resources { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["items"] = Scopes.CatalogRead,
        ["inventory"] = Scopes.InventoryRead,
        ["pricing/list-prices"] = Scopes.PricingRead,
        ["pricing/promotions"] = Scopes.PricingRead,
    };

    /// <summary>Longest wait for an answer from the ERP. Default: 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>What the pass-through needs of the cloud ERP's settings (<c>Erp:Cloud:*</c>, shared with the connector).</summary>
public sealed class CloudErpUpstreamOptions
{
    public const string SectionName = "Erp:Cloud";

    /// <summary>Base URL of the cloud ERP. Default: the simulator, <c>http://127.0.0.1:9080</c>.</summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "http://127.0.0.1:9080";

    /// <summary>The gateway's own credential toward the ERP, sent in <see cref="ApiKeyHeader"/>. Default: none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Header that carries <see cref="ApiKey"/>. Default: <c>X-Api-Key</c>.</summary>
    [Required]
    public string ApiKeyHeader { get; set; } = "X-Api-Key";
}
