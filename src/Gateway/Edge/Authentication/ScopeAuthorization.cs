using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Edge.Authentication;

/// <summary>
/// The scope policies' common case without the authorization middleware's machinery (an authenticate result, a handler
/// context, the handlers, a result handler per request): an authenticated caller holding every scope its endpoint
/// requires goes on at once. Everything else (a missing scope, no caller, an anonymous endpoint, any other policy or
/// requirement) is decided by ASP.NET Core's <see cref="AuthorizationMiddleware"/>, which this wraps, so every refusal
/// and its problem+json answer are the framework's, as before. The fast path accepts only what the framework accepts:
/// a scope policy is "authenticated, and holds the scope or admin" (<see cref="ScopePolicies"/>), the default policy
/// "authenticated", when it is left as the framework sets it.
/// </summary>
internal sealed class ScopeAuthorization
{
    /// <summary>What endpoint routing checks to know that authorization ran (ASP.NET Core's own key and value).</summary>
    const string AuthorizationRanKey = "__AuthorizationMiddlewareWithEndpointInvoked";

    static readonly object AuthorizationRan = new();

    readonly RequestDelegate _next;
    readonly AuthorizationMiddleware _framework;
    readonly bool _defaultPolicyIsAuthenticatedOnly;
    readonly ConditionalWeakTable<Endpoint, Required> _required = [];
    readonly ConditionalWeakTable<Endpoint, Required>.CreateValueCallback _read;   // once: a method group would allocate per request

    public ScopeAuthorization(RequestDelegate next, IServiceProvider services, IOptions<AuthorizationOptions> options)
    {
        _next = next;
        _read = Read;
        _framework = ActivatorUtilities.CreateInstance<AuthorizationMiddleware>(services, next);
        var fallback = options.Value.FallbackPolicy;
        var defaultPolicy = options.Value.DefaultPolicy;
        _defaultPolicyIsAuthenticatedOnly = fallback is null
            && defaultPolicy.AuthenticationSchemes.Count == 0
            && defaultPolicy.Requirements is [DenyAnonymousAuthorizationRequirement];
    }

    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is not null
            && context.User.Identity?.IsAuthenticated == true
            && _required.GetValue(endpoint, _read).Scopes is { } scopes
            && HoldsAll(context, scopes))
        {
            context.Items[AuthorizationRanKey] = AuthorizationRan;
            return _next(context);
        }

        return _framework.Invoke(context);
    }

    static bool HoldsAll(HttpContext context, string[] scopes)
    {
        foreach (var scope in scopes)
        {
            if (!context.User.HasScope(scope))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The scopes an endpoint requires, when scope policies (or the plain default policy) are all it asks for.</summary>
    Required Read(Endpoint endpoint)
    {
        var metadata = endpoint.Metadata;
        if (metadata.GetMetadata<IAllowAnonymous>() is not null
            || metadata.GetOrderedMetadata<AuthorizationPolicy>().Count > 0
            || metadata.GetOrderedMetadata<IAuthorizationRequirementData>().Count > 0)
        {
            return Required.Framework;
        }

        var data = metadata.GetOrderedMetadata<IAuthorizeData>();
        if (data.Count == 0)
        {
            return Required.Framework;
        }

        var scopes = new List<string>();
        foreach (var item in data)
        {
            if (!string.IsNullOrEmpty(item.Roles) || !string.IsNullOrEmpty(item.AuthenticationSchemes))
            {
                return Required.Framework;
            }

            if (item.Policy is null && _defaultPolicyIsAuthenticatedOnly)
            {
                continue;
            }

            if (item.Policy is null || !Scopes.All.Contains(item.Policy))
            {
                return Required.Framework;
            }

            scopes.Add(item.Policy);
        }

        return new Required([.. scopes.Distinct()]);
    }

    /// <summary>Null scopes: the framework decides.</summary>
    sealed class Required(string[]? scopes)
    {
        public static readonly Required Framework = new(null);

        public string[]? Scopes { get; } = scopes;
    }
}
