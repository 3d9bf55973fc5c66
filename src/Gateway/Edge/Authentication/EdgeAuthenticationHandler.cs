using System.Security.Claims;
using System.Text.Encodings.Web;
using Gateway.Core.Diagnostics;
using Gateway.Edge.ApiKeys;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gateway.Edge.Authentication;

/// <summary>
/// The gateway's one authentication scheme: a partner key (<c>X-Api-Key</c>), a storefront JWT (validated by the
/// JwtBearer scheme it delegates to) or the admin token (<c>Authorization: Bearer</c> that is not a JWT). On success the
/// request gets its <see cref="Caller"/> feature, which the limits, the policies and customer scoping read. Without any
/// credential the request is anonymous: refused (401) unless <see cref="AnonymousOptions"/> opens the public catalog
/// (<see cref="AnonymousCallers"/>).
/// </summary>
internal sealed class EdgeAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AdminToken adminToken,
    IPartnerKeyVerifier partnerKeys,
    IOptions<StorefrontOptions> storefront,
    AnonymousCallers anonymous,
    ILogger<EdgeAuthenticationHandler> refusals,
    [FromKeyedServices(EdgeAuthenticationHandler.RefusalLogKey)] LogThrottle refusalLog,
    [FromKeyedServices(EdgeAuthenticationHandler.FrameworkLogKey)] LogThrottle frameworkLog)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, new ThrottledLoggerFactory(loggerFactory, frameworkLog), encoder)
{
    /// <summary>The one throttle of refused-credential lines: a credential-stuffing flood must not write a line per attempt.</summary>
    public const string RefusalLogKey = "edge-refused-credentials";

    /// <summary>The throttle of ASP.NET Core's own per-request lines about this scheme (<see cref="ThrottledLoggerFactory"/>).</summary>
    public const string FrameworkLogKey = "edge-authentication-framework";

    public const string SchemeName = "Edge";
    public const string JwtSchemeName = "StorefrontJwt";
    public const string ApiKeyHeader = "X-Api-Key";

    const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var apiKey = Request.Headers[ApiKeyHeader];
        var authorization = Request.Headers[HeaderNames.Authorization];
        if (apiKey.Count == 0 && authorization.Count == 0)
        {
            return anonymous.Enabled ? Admit(anonymous.For(Context.Connection.RemoteIpAddress)) : AuthenticateResult.NoResult();
        }

        // Two credentials at once are ambiguous: which one's scopes and customers would apply?
        if (apiKey.Count + authorization.Count > 1)
        {
            return Refuse("more than one credential");
        }

        var caller = apiKey.Count == 1
            ? Context.Features.Get<RefusedPartnerKey>() is null ? await partnerKeys.VerifyAsync(apiKey.ToString(), Context.RequestAborted) : null
            : await FromBearerAsync(authorization.ToString());
        if (caller is null)
        {
            return Refuse(apiKey.Count == 1 ? "partner key" : "bearer credential");
        }

        return Admit(caller);
    }

    AuthenticateResult Admit(Caller caller)
    {
        Context.Features.Set(caller);
        return AuthenticateResult.Success(new AuthenticationTicket(Principal(caller), SchemeName));
    }

    async Task<Caller?> FromBearerAsync(string authorization)
    {
        if (!authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorization[BearerPrefix.Length..].Trim();
        if (token.Length == 0)
        {
            return null;
        }

        if (!LooksLikeJwt(token))
        {
            return adminToken.Matches(token) ? AdminToken.Caller : null;
        }

        var jwt = await Context.AuthenticateAsync(JwtSchemeName);
        return jwt.Succeeded ? StorefrontClaims.ToCaller(jwt.Principal, storefront.Value.Plan) : null;
    }

    // A compact JWS has exactly three dot-separated parts; the admin token is configured without dots.
    static bool LooksLikeJwt(string token) => token.Count(c => c == '.') == 2;

    AuthenticateResult Refuse(string what)
    {
        Context.Features.Set(new RefusedCredential(anonymous.RefusedFor(Context.Connection.RemoteIpAddress)));
        if (refusalLog.ShouldLog(out var leftOut))
        {
            Log.CredentialRefused(refusals, what, leftOut);
        }

        return AuthenticateResult.Fail("The credential was refused.");
    }

    /// <summary>The role claim of each kind, named once (<c>Enum.ToString</c> costs on every request).</summary>
    static readonly string[] KindNames = Enum.GetNames<CallerKind>();

    /// <summary>One principal per long-lived caller: a principal is only read after authentication, so requests may share it.</summary>
    static readonly PerCaller<ClaimsPrincipal> Principals = new(Build);

    /// <summary>The principal of a caller: one per long-lived caller (partners, anonymous callers, the admin).</summary>
    public static ClaimsPrincipal Principal(Caller caller) => Principals.Of(caller);

    static ClaimsPrincipal Build(Caller caller)
    {
        var claims = new List<Claim>(caller.Scopes.Count + 2)
        {
            new(ClaimTypes.NameIdentifier, caller.Id),
            new(ClaimTypes.Role, KindNames[(int)caller.Kind]),
        };
        claims.AddRange(caller.Scopes.Select(scope => new Claim(ScopePolicies.ScopeClaim, scope)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.NameIdentifier, ClaimTypes.Role));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => AuthProblems.WriteUnauthenticatedAsync(Context);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => AuthProblems.WriteForbiddenAsync(Context, []);
}
