using Gateway.Caching;
using Gateway.Core;
using Gateway.Core.Pricing;

namespace Gateway.Pricing;

/// <summary>Prices: the one <see cref="IPriceSource"/>, composed from the cached price parts, and <c>/v1/prices</c> (<see cref="PriceEndpoints"/>).</summary>
public static class PricingSetup
{
    /// <summary>Call it after <c>AddCanonicalCaching</c>, whose regions hold the parts.</summary>
    public static IHostApplicationBuilder AddPricing(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IPriceSource>(sp => new ComposedPrices(
            sp.GetRequiredService<IPriceComponentSource>(),
            sp.GetRequiredService<ICustomerSource>(),
            sp.GetRequiredService<CacheRegion<PriceSchedule>>(),
            sp.GetRequiredService<CacheRegion<SkuPromotion>>(),
            sp.GetRequiredService<CacheRegion<ContractPrices>>(),
            sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
