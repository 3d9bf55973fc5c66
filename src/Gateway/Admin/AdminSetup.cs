using Gateway.Admin.Audit;
using Gateway.Erp.Redis;

namespace Gateway.Admin;

/// <summary>The admin API's services: its audit trail (Redis stream <c>gateway:audit</c>, or memory when embedded).</summary>
public static class AdminSetup
{
    public static IHostApplicationBuilder AddAdminApi(this IHostApplicationBuilder builder)
    {
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
