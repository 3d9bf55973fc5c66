using Gateway.Core.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.Erp.Redis;

/// <summary>
/// Registers the process's one <see cref="RedisConnection"/>. Here rather than in Gateway.Core, which has no dependency
/// injection or configuration, and below every feature that uses Redis: the ERP budgets and the host's features alike.
/// </summary>
public static class RedisSetup
{
    /// <summary>
    /// The shared <see cref="RedisConnection"/> from <c>ConnectionStrings:Redis</c> (unset: embedded, never connects).
    /// Every setup that uses Redis calls it; only the first call registers.
    /// </summary>
    public static IServiceCollection AddRedisConnection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString("Redis");
        services.TryAddSingleton(_ => new RedisConnection(connectionString));
        return services;
    }
}
