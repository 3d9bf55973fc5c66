using Gateway.Edge.Proxy.ErpPassThrough;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Transforms;

namespace Gateway.Edge.Proxy;

/// <summary>The YARP front door: the configured routes and the governed ERP pass-through.</summary>
public static class EdgeProxySetup
{
    /// <summary>
    /// YARP as the front door: routes and clusters from the <c>ReverseProxy</c> section (reloaded with the
    /// configuration), the correlation id carried to every destination, and the governed ERP pass-through (which draws
    /// from the connectors' <c>ErpQuota</c>: call <c>AddErpConnectors</c> too).
    /// </summary>
    public static IHostApplicationBuilder AddEdgeProxy(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(transforms => transforms.AddRequestTransform(context =>
            {
                CorrelationForwarding.Apply(context);
                return ValueTask.CompletedTask;
            }));

        services.AddOptions<ErpPassThroughOptions>().BindConfiguration(ErpPassThroughOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CloudErpUpstreamOptions>().BindConfiguration(CloudErpUpstreamOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ErpPassThroughOptions>>().Value);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CloudErpUpstreamOptions>>().Value);
        services.AddSingleton<ErpPassThroughEndpoint>();
        return builder;
    }

    /// <summary>Maps the configured YARP routes (errors as problem+json) and <c>/erp/cloud/{**rest}</c>.</summary>
    public static WebApplication MapEdgeProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy => proxy.Use(ProxyProblems.WriteForwarderErrorsAsync));

        var passThrough = app.Services.GetRequiredService<ErpPassThroughEndpoint>();
        var route = ErpPassThroughEndpoint.Prefix + "/{**rest}";
        app.MapMethods(route, [HttpMethods.Get, HttpMethods.Head], passThrough.HandleAsync)
            .WithName("ErpPassThrough").ExcludeFromDescription();
        app.MapMethods(route, [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Options],
                ErpPassThroughEndpoint.MethodNotAllowedAsync)
            .ExcludeFromDescription();
        return app;
    }
}
