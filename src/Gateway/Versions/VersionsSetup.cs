using Gateway.Erp.Redis;
using Gateway.Versions.Usage;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Versions;

/// <summary>
/// The versions' lifecycle from configuration (<see cref="VersionsOptions"/>), the version groups, and who calls what
/// (<see cref="UsageCounter"/>, flushed to Redis or memory; <c>/admin/usage</c>; the Prometheus counters).
/// </summary>
public static class VersionsSetup
{
    /// <summary>
    /// The options instance checked at start-up only. It is bound without a change token, so the options monitor never
    /// validates it again: a reload is checked by <see cref="VersionPolicies"/>, which refuses it and keeps the rules in
    /// force instead of throwing on the configuration's reload thread.
    /// </summary>
    internal const string StartupCheck = "StartupCheck";

    public static IHostApplicationBuilder AddApiVersions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<VersionsOptions>().BindConfiguration(VersionsOptions.SectionName);
        services.AddOptions<VersionsOptions>(StartupCheck)
            .Configure<IConfiguration>((options, configuration) => configuration.GetSection(VersionsOptions.SectionName).Bind(options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VersionsOptions>, VersionsStartupValidation>());
        services.AddOptions<UsageOptions>().BindConfiguration(UsageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<VersionPolicies>();

        services.AddSingleton<UsageCounter>();
        if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString("Redis")))
        {
            services.AddSingleton<IUsageStore, MemoryUsageStore>();
        }
        else
        {
            services.AddRedisConnection(builder.Configuration);
            services.AddSingleton<IUsageStore, RedisUsageStore>();
        }

        services.AddSingleton<UsageFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<UsageFlusher>());
        services.AddSingleton<DeprecatedUsage>();
        // The console's panel of who still calls what is deprecated (replaces its "not available" default).
        services.AddSingleton<Operations.Console.IVersionUsageSource, ConsoleVersionUsage>();
        services.AddSingleton<VersionsTelemetry>();
        return builder;
    }

    /// <summary>Place after the edge (the caller is known, refusals are not counted) and before the kept answers (cached reads get the headers and are counted).</summary>
    public static WebApplication UseApiVersions(this WebApplication app)
    {
        // Its instruments exist once it does.
        app.Services.GetRequiredService<VersionsTelemetry>();
        app.UseMiddleware<VersionLifecycleMiddleware>();
        return app;
    }

    /// <summary>
    /// The group of one version (<c>/v2</c>): each of its endpoints carries <see cref="VersionedRoute"/>, and outside
    /// the oldest version its endpoint names get the version's suffix (<c>GetPricesV2</c>), since a name is unique in
    /// the process and v1's names are its published operation ids.
    /// </summary>
    public static RouteGroupBuilder MapVersionGroup(this IEndpointRouteBuilder app, string version)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/" + version);
        var suffix = version == CanonicalVersions.All[0] ? null : version.ToUpperInvariant();
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route)
            {
                endpoint.Metadata.Add(new VersionedRoute(version, Template(route)));
            }

            if (suffix is not null && endpoint.Metadata.OfType<IEndpointNameMetadata>().LastOrDefault() is { } name)
            {
                var renamed = name.EndpointName + suffix;
                foreach (var stale in endpoint.Metadata.Where(m => m is IEndpointNameMetadata or IRouteNameMetadata).ToList())
                {
                    endpoint.Metadata.Remove(stale);
                }

                endpoint.Metadata.Add(new EndpointNameMetadata(renamed));
                endpoint.Metadata.Add(new RouteNameMetadata(renamed));
            }
        });
        return group;
    }

    /// <summary>The method and the template without a trailing slash: <c>GET /v1/products</c>.</summary>
    static string Template(RouteEndpointBuilder route)
    {
        var methods = route.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods;
        var pattern = route.RoutePattern.RawText ?? "/" + string.Join('/', route.RoutePattern.PathSegments.Select(RoutePatternFormat));
        if (pattern.Length > 1)
        {
            pattern = pattern.TrimEnd('/');
        }

        if (!pattern.StartsWith('/'))
        {
            pattern = "/" + pattern;
        }

        return methods is { Count: > 0 } ? string.Join(',', methods) + " " + pattern : pattern;
    }

    static string RoutePatternFormat(RoutePatternPathSegment segment) => string.Concat(segment.Parts.Select(p => p switch
    {
        RoutePatternLiteralPart literal => literal.Content,
        RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
        _ => "",
    }));
}

/// <summary>Refuses a start-up whose <c>Versions</c> configuration does not compile, naming each bad key.</summary>
internal sealed class VersionsStartupValidation : IValidateOptions<VersionsOptions>
{
    public ValidateOptionsResult Validate(string? name, VersionsOptions options) =>
        name != VersionsSetup.StartupCheck
            ? ValidateOptionsResult.Skip
            : VersionRules.Compile(options, out var errors) is null ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
}
