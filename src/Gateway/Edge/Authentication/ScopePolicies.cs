using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Gateway.Edge.Authentication;

/// <summary>One authorization policy per scope, named by the scope itself; <c>admin</c> satisfies every policy.</summary>
internal static class ScopePolicies
{
    /// <summary>Claim type of each scope on the gateway's own principal (one claim per scope).</summary>
    public const string ScopeClaim = "gateway:scope";

    public static void AddScopePolicies(this AuthorizationOptions authorization)
    {
        foreach (var scope in Scopes.All)
        {
            authorization.AddPolicy(scope, policy => policy.RequireAuthenticatedUser().AddRequirements(new ScopeRequirement(scope)));
        }
    }

    public static bool HasScope(this ClaimsPrincipal user, string scope) =>
        user.HasClaim(ScopeClaim, scope) || user.HasClaim(ScopeClaim, Scopes.Admin);
}

internal sealed record ScopeRequirement(string Scope) : IAuthorizationRequirement;

internal sealed class ScopeRequirementHandler : AuthorizationHandler<ScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (context.User.HasScope(requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Answers refusals of the authorization middleware as problem+json, naming the scope that was missing.</summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            return AuthProblems.WriteUnauthenticatedAsync(context);
        }

        if (authorizeResult.Forbidden)
        {
            var missing = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ScopeRequirement>().Select(r => r.Scope) ?? [];
            return AuthProblems.WriteForbiddenAsync(context, missing);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
