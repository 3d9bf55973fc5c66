using System.Threading.RateLimiting;
using Gateway.Core.Diagnostics;
using Gateway.Operations.Console;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Operations;

/// <summary>
/// Operations: the business KPIs read from the stores (<see cref="OperationsSampler"/>, <see cref="OperationsTelemetry"/>)
/// and the operations console at <c>/console</c>, signed in with the admin credential.
/// </summary>
public static class OperationsSetup
{
    /// <summary>
    /// The sampler and its gauges; the console's cookie scheme (<c>Console</c>: HttpOnly, SameSite=Strict, Secure over
    /// https, a server-side session that expires after <see cref="OperationsOptions.ConsoleSessionLifetime"/>), its
    /// antiforgery tokens and its policy. Call it after the features whose figures it reads (orders, events, the edge).
    /// </summary>
    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OperationsSampler>();
        services.AddHostedService(sp => sp.GetRequiredService<OperationsSampler>());
        services.AddSingleton<OperationsTelemetry>();
        // Created with the host, not on the first scrape: a gauge that is not created is not published at all.
        services.AddHostedService(sp => new StartWith<OperationsTelemetry>(sp.GetRequiredService<OperationsTelemetry>()));
        services.AddHostedService(sp => new StartWith<Erp.Outbound.ErpStatus>(sp.GetRequiredService<Erp.Outbound.ErpStatus>()));

        services.AddSingleton<ConsoleAssets>();
        services.AddSingleton<ConsoleSessions>();
        services.TryAddSingleton<IVersionUsageSource, NoVersionUsage>();
        services.AddKeyedSingleton(ConsoleSignIn.Scheme, (sp, _) => new LogThrottle(sp.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton<RateLimiter>(ConsoleSignIn.Scheme, (sp, _) => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = sp.GetRequiredService<IOptions<OperationsOptions>>().Value.ConsoleSignInFailuresPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

        services.AddAuthentication().AddCookie(ConsoleSignIn.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(ConsoleSignIn.Scheme).Configure<IOptions<OperationsOptions>, ConsoleSessions>((cookie, options, sessions) =>
        {
            cookie.Cookie.Name = "gateway_console";
            cookie.Cookie.Path = ConsoleSetup.Path;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = options.Value.ConsoleSessionLifetime;
            cookie.SlidingExpiration = false;
            cookie.Events.OnValidatePrincipal = context =>
            {
                // A ticket outlives its session when the operator signed out, or the session was pushed out or expired.
                if (!sessions.IsLive(context.Principal?.FindFirst(ConsoleSessions.SessionClaim)?.Value))
                {
                    context.RejectPrincipal();
                }

                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = ConsoleSetup.CsrfHeader;
            antiforgery.Cookie.Name = "gateway_console_csrf";
            antiforgery.Cookie.Path = ConsoleSetup.Path;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthorizationBuilder().AddPolicy(ConsoleSetup.Policy, policy => policy
            .AddAuthenticationSchemes(ConsoleSignIn.Scheme)
            .RequireAuthenticatedUser()
            .RequireRole(ConsoleSignIn.Role));
        return builder;
    }

    /// <summary><c>/console</c> (the page) and <c>/console/api</c> (its session, figures, event stream and actions).</summary>
    public static IEndpointRouteBuilder MapOperationsConsole(this IEndpointRouteBuilder app)
    {
        ConsoleEndpoints.Map(app);
        return app;
    }

    /// <summary>Makes <typeparamref name="T"/> when the host starts.</summary>
    sealed class StartWith<T>(T created) : IHostedService
    {
        public T Created { get; } = created;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>The console's route, header and policy names.</summary>
public static class ConsoleSetup
{
    public const string Path = "/console";
    public const string CsrfHeader = "X-CSRF-Token";
    public const string Policy = "console";

    /// <summary>Only the gateway's own files; no frame may hold the page.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
}
