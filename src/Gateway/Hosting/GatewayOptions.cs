using System.ComponentModel.DataAnnotations;

namespace Gateway.Hosting;

/// <summary>Settings of the gateway host itself (<c>Gateway:*</c>).</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>Bootstrap credential of the admin API (<c>Authorization: Bearer &lt;token&gt;</c>). Default: none, the admin API refuses everyone.</summary>
    [MinLength(16)]
    public string? AdminToken { get; set; }
}
