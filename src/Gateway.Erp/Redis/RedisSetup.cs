using Gateway.Core.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Erp.Redis;

/// <summary>
/// Registers the process's one <see cref="RedisConnection"/> and its one <see cref="ClusterMembership"/>. Here rather than in Gateway.Core, which has no dependency
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

    /// <summary>
    /// The process's one <see cref="ClusterMembership"/> (<see cref="MembershipOptions"/>), shared by every feature that
    /// sizes a share of a cluster-wide limit; started by the first of them, left when the host stops (or disposes it).
    /// Every such setup calls it; only the first call registers.
    /// </summary>
    public static IServiceCollection AddClusterMembership(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRedisConnection(configuration);
        if (services.Any(d => d.ServiceType == typeof(ClusterMembership)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<MembershipOptions>().BindConfiguration(MembershipOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new ClusterMembership(
            sp.GetRequiredService<RedisConnection>(),
            sp.GetRequiredService<IOptions<MembershipOptions>>().Value.Settings(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
