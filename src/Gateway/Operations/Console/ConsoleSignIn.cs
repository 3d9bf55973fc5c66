using System.Security.Claims;
using System.Threading.RateLimiting;
using Gateway.CanonicalApi.Problems;
using Gateway.Core.Diagnostics;
using Gateway.Edge.Authentication;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Gateway.Operations.Console;

/// <summary>
/// Signing in to the console with the admin credential (a form field, never a URL), out again, and the session's
/// antiforgery token. A refused attempt costs one of <see cref="OperationsOptions.ConsoleSignInFailuresPerMinute"/> per
/// instance: guessing is answered 429 long before it could succeed.
/// </summary>
internal static class ConsoleSignIn
{
    public const string Scheme = "Console";
    public const string Role = "console-operator";

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> SignInAsync(
        HttpContext context,
        [FromForm(Name = "password")] string? password,
        AdminToken adminToken,
        ConsoleSessions sessions,
        [FromKeyedServices(Scheme)] RateLimiter failures,
        [FromKeyedServices(Scheme)] LogThrottle refusalLog,
        ILogger<ConsoleSessions> logger)
    {
        if (string.IsNullOrEmpty(password))
        {
            return CanonicalProblems.Invalid(new Dictionary<string, string[]> { ["password"] = ["The admin credential is required."] });
        }

        if (!adminToken.Matches(password))
        {
            using var lease = failures.AttemptAcquire();
            if (refusalLog.ShouldLog(out var leftOut))
            {
                Log.SignInRefused(logger, leftOut);
            }

            return lease.IsAcquired
                ? TypedResults.Problem(type: ProblemTypes.Unauthenticated, title: "Unauthenticated", statusCode: StatusCodes.Status401Unauthorized, detail: "The admin credential was refused.")
                : TypedResults.Problem(type: ProblemTypes.RateLimited, title: "Too many sign-in attempts", statusCode: StatusCodes.Status429TooManyRequests, detail: "Too many refused sign-ins; try again in a minute.");
        }

        var session = sessions.Start();
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "admin"), new Claim(ClaimTypes.Role, Role), new Claim(ConsoleSessions.SessionClaim, session)], Scheme);
        await context.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
        Log.SignedIn(logger);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> SignOutAsync(HttpContext context, ConsoleSessions sessions)
    {
        sessions.End(context.User.FindFirstValue(ConsoleSessions.SessionClaim));
        await context.SignOutAsync(Scheme);
        return TypedResults.NoContent();
    }

    /// <summary>The token every action sends back in <see cref="ConsoleSetup.CsrfHeader"/>; the page keeps it in memory only.</summary>
    public static Ok<SessionView> Session(HttpContext context, IAntiforgery antiforgery) =>
        TypedResults.Ok(new SessionView(true, antiforgery.GetAndStoreTokens(context).RequestToken!));
}

/// <summary>The answer of <c>GET /console/api/session</c>.</summary>
internal sealed record SessionView(bool SignedIn, string CsrfToken);
