using Gateway.Admin.Audit;
using Gateway.Erp.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Admin;

/// <summary>
/// The admin API's services: its rules (<see cref="AdminOptions"/>, validated at start-up) and its audit trail (Redis
/// stream <c>gateway:audit</c>, or memory when embedded).
/// </summary>
public static class AdminSetup
{
    public static IHostApplicationBuilder AddAdminApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminOptions>, AdminOptionsValidation>());
        builder.Services.AddSingleton<CustomerIdRule>();

        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis")))
        {
            builder.Services.AddSingleton<IAuditTrail, InMemoryAuditTrail>();
        }
        else
        {
            builder.Services.AddRedisConnection(builder.Configuration);
            builder.Services.AddSingleton<IAuditTrail, RedisAuditTrail>();
        }

        builder.Services.AddSingleton<AdminAudit>();
        return builder;
    }
}
