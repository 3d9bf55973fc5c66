using System.Text;
using Gateway.Core.Diagnostics;
using Gateway.Edge.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Edge.Authentication;

/// <summary>Who may call: partner keys, storefront JWTs and the admin token, and one authorization policy per scope.</summary>
public static class AuthenticationSetup
{
    static readonly string[] JwksAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384,
    ];

    public static IHostApplicationBuilder AddEdgeAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddPartnerKeys();
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorefrontOptions>().BindConfiguration(StorefrontOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnonymousOptions>().BindConfiguration(AnonymousOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AnonymousCallers>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton(EdgeAuthenticationHandler.RefusalLogKey, (sp, _) => new LogThrottle(sp.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(EdgeAuthenticationHandler.FrameworkLogKey, (sp, _) => new LogThrottle(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<AdminToken>();

        services.AddAuthentication(EdgeAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, EdgeAuthenticationHandler>(EdgeAuthenticationHandler.SchemeName, _ => { })
            .AddJwtBearer(EdgeAuthenticationHandler.JwtSchemeName, _ => { });
        services.AddOptions<JwtBearerOptions>(EdgeAuthenticationHandler.JwtSchemeName)
            .Configure<IOptions<JwtOptions>>((bearer, jwt) => ConfigureBearer(bearer, jwt.Value));

        services.AddAuthorization(authorization => authorization.AddScopePolicies());
        services.AddSingleton<IAuthorizationHandler, ScopeRequirementHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return builder;
    }

    /// <summary>Authentication sets the <see cref="Caller"/>; place before the limits, which partition by it.</summary>
    public static WebApplication UseEdgeAuthentication(this WebApplication app)
    {
        // EdgeAuthentication wraps ASP.NET Core's authentication middleware; the key tells the host that it is in place,
        // as UseAuthentication would, so that the host does not add another at the front of the pipeline.
        ((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
        app.UseMiddleware<EdgeAuthentication>();
        return app;
    }

    /// <summary>Scope policies; place after the limits so that refused requests still count against the plan.</summary>
    public static WebApplication UseEdgeAuthorization(this WebApplication app)
    {
        // ScopeAuthorization wraps ASP.NET Core's authorization middleware; the key tells the host that it is in place,
        // as UseAuthorization would, so that the host does not add another at the front of the pipeline.
        ((IApplicationBuilder)app).Properties["__AuthorizationMiddlewareSet"] = true;
        app.UseMiddleware<ScopeAuthorization>();
        return app;
    }

    static void ConfigureBearer(JwtBearerOptions bearer, JwtOptions jwt)
    {
        // Keep the token's own claim names (sub, scope, customer_id) instead of the WS-* URIs.
        bearer.MapInboundClaims = false;
        bearer.SaveToken = false;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = jwt.Issuer,
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = jwt.ClockSkew,
            NameClaimType = StorefrontClaims.Subject,
        };

        if (!string.IsNullOrEmpty(jwt.SigningKey))
        {
            bearer.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwt.SigningKey));
            bearer.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
        else if (!string.IsNullOrWhiteSpace(jwt.JwksUrl))
        {
            bearer.TokenValidationParameters.ValidAlgorithms = JwksAlgorithms;
            bearer.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                jwt.JwksUrl, new JwksRetriever(), new HttpDocumentRetriever { RequireHttps = jwt.JwksRequireHttps })
            {
                RefreshInterval = jwt.JwksRefreshInterval,
                AutomaticRefreshInterval = TimeSpan.FromHours(1),
                // A key the issuer withdrew (often: compromised) must stop working at the next refresh, not an hour later.
                UseLastKnownGoodConfiguration = false,
            };
        }
    }
}
