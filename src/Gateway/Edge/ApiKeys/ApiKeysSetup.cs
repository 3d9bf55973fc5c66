using Gateway.Erp.Redis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Edge.ApiKeys;

/// <summary>Partner keys: the store (Redis or memory), each instance's cache and its invalidation, the verifier.</summary>
public static class ApiKeysSetup
{
    public static IHostApplicationBuilder AddPartnerKeys(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ApiKeysOptions>().BindConfiguration(ApiKeysOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ApiKeysOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);

        var redis = builder.Configuration.GetConnectionString("Redis");
        services.AddRedisConnection(builder.Configuration);
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<IPartnerStore, InMemoryPartnerStore>();
        }
        else
        {
            services.AddSingleton<IPartnerStore, RedisPartnerStore>();
        }

        services.AddSingleton<PartnerKeyCache>();
        services.AddSingleton<KeyInvalidation>();
        services.AddHostedService(sp => sp.GetRequiredService<KeyInvalidation>());
        services.AddSingleton<IPartnerKeyVerifier, PartnerKeyVerifier>();
        services.AddSingleton<PartnerDirectory>();
        return builder;
    }
}
