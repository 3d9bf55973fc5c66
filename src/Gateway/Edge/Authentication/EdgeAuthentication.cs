using Gateway.Edge.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Net.Http.Headers;

namespace Gateway.Edge.Authentication;

/// <summary>
/// The edge scheme's two common admissions without the authentication middleware's machinery (the request's service
/// scope, a handler built and initialized per request, an authenticate result and its ticket): a request with no
/// credential at all when the public catalog is open, and a request whose only credential is a live partner key. Either
/// gets its <see cref="Caller"/> and principal exactly as <see cref="EdgeAuthenticationHandler"/> gives them. Every
/// other request (a bearer token, two credentials, a key that is not live, no credential with the catalog closed) goes
/// through ASP.NET Core's <see cref="AuthenticationMiddleware"/>, which this wraps, and the handler decides and logs as
/// before.
/// </summary>
internal sealed class EdgeAuthentication(
    RequestDelegate next,
    IAuthenticationSchemeProvider schemes,
    IPartnerKeyVerifier partnerKeys,
    AnonymousCallers anonymous)
{
    readonly AuthenticationMiddleware _framework = new(next, schemes);

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        if (headers[HeaderNames.Authorization].Count == 0)
        {
            var apiKey = headers[EdgeAuthenticationHandler.ApiKeyHeader];
            if (apiKey.Count == 0 && anonymous.Enabled)
            {
                Admit(context, anonymous.For(context.Connection.RemoteIpAddress));
                return next(context);
            }

            if (apiKey.Count == 1)
            {
                return WithPartnerKeyAsync(context, partnerKeys.VerifyAsync(apiKey.ToString(), context.RequestAborted));
            }
        }

        return _framework.Invoke(context);
    }

    Task WithPartnerKeyAsync(HttpContext context, ValueTask<Caller?> verifying)
    {
        if (!verifying.IsCompletedSuccessfully)
        {
            return AwaitedAsync(context, verifying);
        }

        if (verifying.Result is not { } caller)
        {
            return RefuseAsync(context);
        }

        Admit(context, caller);
        return next(context);
    }

    async Task AwaitedAsync(HttpContext context, ValueTask<Caller?> verifying)
    {
        if (await verifying is { } caller)
        {
            Admit(context, caller);
            await next(context);
            return;
        }

        await RefuseAsync(context);
    }

    /// <summary>The handler refuses a key this found not live without verifying it again (a flood of guesses costs once).</summary>
    Task RefuseAsync(HttpContext context)
    {
        context.Features.Set(RefusedPartnerKey.Instance);
        return _framework.Invoke(context);
    }

    static void Admit(HttpContext context, Caller caller)
    {
        context.Features.Set(caller);
        context.User = EdgeAuthenticationHandler.Principal(caller);
    }
}

/// <summary>Set on a request whose partner key <see cref="EdgeAuthentication"/> verified and found not live.</summary>
internal sealed class RefusedPartnerKey
{
    public static readonly RefusedPartnerKey Instance = new();

    RefusedPartnerKey()
    {
    }
}
