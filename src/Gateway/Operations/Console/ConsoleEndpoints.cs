using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Gateway.CanonicalApi.Problems;
using Gateway.Orders.Exceptions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Operations.Console;

/// <summary>
/// <c>/console</c>: the page and its assets (public: they hold no data), and <c>/console/api</c>, which answers only a
/// signed-in console session (the cookie of <see cref="ConsoleSignIn"/>; a partner key, a storefront token or even the
/// admin bearer token gets 401). Every action also needs the session's antiforgery token in
/// <see cref="ConsoleSetup.CsrfHeader"/>.
/// </summary>
internal static class ConsoleEndpoints
{
    /// <summary>Event streams one instance serves at once: each holds a connection for as long as a page is open.</summary>
    const int MaxStreams = 16;

    static int _streams;

    public static void Map(IEndpointRouteBuilder app)
    {
        var page = app.MapGroup(ConsoleSetup.Path).ExcludeFromDescription().AllowAnonymous();
        page.MapGet("/", Page);
        page.MapGet("/assets/{**path}", AssetOf);

        var api = app.MapGroup(ConsoleSetup.Path + "/api").ExcludeFromDescription().AddEndpointFilter(NoStore);
        api.MapPost("/session", ConsoleSignIn.SignInAsync).AllowAnonymous().DisableAntiforgery();
        api.MapGet("/session", ConsoleSignIn.Session).RequireAuthorization(ConsoleSetup.Policy);
        api.MapDelete("/session", ConsoleSignIn.SignOutAsync).RequireAuthorization(ConsoleSetup.Policy).AddEndpointFilter(RequireCsrf);
        api.MapGet("/overview", Overview).RequireAuthorization(ConsoleSetup.Policy);
        api.MapGet("/history", History).RequireAuthorization(ConsoleSetup.Policy);
        api.MapGet("/stream", Stream).RequireAuthorization(ConsoleSetup.Policy);
        api.MapGet("/usage", UsageAsync).RequireAuthorization(ConsoleSetup.Policy);
        api.MapPost("/exceptions/{exceptionId}/replay", ReplayAsync).RequireAuthorization(ConsoleSetup.Policy).AddEndpointFilter(RequireCsrf);
        api.MapPost("/exceptions/{exceptionId}/resolve", ResolveAsync).RequireAuthorization(ConsoleSetup.Policy).AddEndpointFilter(RequireCsrf);
        api.MapPost("/exceptions/{exceptionId}/cancel", CancelAsync).RequireAuthorization(ConsoleSetup.Policy).AddEndpointFilter(RequireCsrf);
        ConsoleWebhooks.Map(api);
    }

    static IResult Page(HttpContext context, ConsoleAssets assets) => Serve(context, assets.Find("index.html"));

    static IResult AssetOf(string path, HttpContext context, ConsoleAssets assets) => Serve(context, assets.Find(path));

    static IResult Serve(HttpContext context, Asset? asset)
    {
        if (asset is null)
        {
            return CanonicalProblems.NotFound("asset", "console");
        }

        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ConsoleSetup.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        return context.Request.Headers.IfNoneMatch == asset.ETag
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    static Ok<OperationsSnapshot> Overview(OperationsSampler sampler) => TypedResults.Ok(sampler.Latest);

    static Ok<ChartHistory> History(OperationsSampler sampler) => TypedResults.Ok(new ChartHistory(sampler.History()));

    static async Task<Ok<VersionUsageView>> UsageAsync(IVersionUsageSource usage, CancellationToken cancellationToken) =>
        TypedResults.Ok(await usage.CurrentAsync(cancellationToken));

    /// <summary>Server-sent events: the latest sample at once, then each new one, until the page goes or the session ends.</summary>
    static IResult Stream(HttpContext context, OperationsSampler sampler, ConsoleSessions sessions)
    {
        if (Interlocked.Increment(ref _streams) > MaxStreams)
        {
            Interlocked.Decrement(ref _streams);
            return TypedResults.Problem(type: ProblemTypes.RateLimited, title: "Too many console streams", statusCode: StatusCodes.Status429TooManyRequests,
                detail: "Too many console pages are open on this instance; close one, or reload later.");
        }

        var session = context.User.FindFirst(ConsoleSessions.SessionClaim)?.Value;
        return TypedResults.ServerSentEvents(Samples(sampler, sessions, session, context.RequestAborted), "sample");
    }

    static async IAsyncEnumerable<OperationsSnapshot> Samples(
        OperationsSampler sampler, ConsoleSessions sessions, string? session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var next = Channel.CreateBounded<OperationsSnapshot>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest });
        void OnSampled(OperationsSnapshot snapshot) => next.Writer.TryWrite(snapshot);
        sampler.Sampled += OnSampled;
        try
        {
            yield return sampler.Latest;
            while (sessions.IsLive(session))
            {
                OperationsSnapshot snapshot;
                try
                {
                    snapshot = await next.Reader.ReadAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }

                yield return snapshot;
            }
        }
        finally
        {
            sampler.Sampled -= OnSampled;
            Interlocked.Decrement(ref _streams);
        }
    }

    static async Task<Results<Ok<ExceptionAction>, ProblemHttpResult>> ReplayAsync(string exceptionId, ExceptionQueue queue, OperationsSampler sampler, CancellationToken cancellationToken) =>
        await AfterAsync(ExceptionEndpoints.Answer(exceptionId, "replayed", await queue.ReplayAsync(exceptionId, cancellationToken)), sampler, cancellationToken);

    static async Task<Results<Ok<ExceptionAction>, ProblemHttpResult>> ResolveAsync(string exceptionId, ExceptionQueue queue, OperationsSampler sampler, CancellationToken cancellationToken) =>
        await AfterAsync(ExceptionEndpoints.Answer(exceptionId, "resolved", await queue.ResolveAsync(exceptionId, cancellationToken)), sampler, cancellationToken);

    static async Task<Results<Ok<ExceptionAction>, ProblemHttpResult>> CancelAsync(string exceptionId, ExceptionQueue queue, OperationsSampler sampler, CancellationToken cancellationToken) =>
        await AfterAsync(ExceptionEndpoints.Answer(exceptionId, "cancelled", await queue.CancelAsync(exceptionId, cancellationToken)), sampler, cancellationToken);

    /// <summary>An operator who acted sees the queue as the action left it, not as the last sample had it.</summary>
    static async Task<Results<Ok<ExceptionAction>, ProblemHttpResult>> AfterAsync(
        Results<Ok<ExceptionAction>, ProblemHttpResult> answer, OperationsSampler sampler, CancellationToken cancellationToken)
    {
        if (answer.Result is Ok<ExceptionAction>)
        {
            await sampler.SampleAsync(cancellationToken);
        }

        return answer;
    }

    internal static async ValueTask<object?> RequireCsrf(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            return TypedResults.Problem(
                type: ProblemTypes.CsrfTokenInvalid,
                title: "Antiforgery token missing or invalid",
                statusCode: StatusCodes.Status403Forbidden,
                detail: $"A console action must carry the session's token in {ConsoleSetup.CsrfHeader} (from GET {ConsoleSetup.Path}/api/session).");
        }

        return await next(invocation);
    }

    static async ValueTask<object?> NoStore(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        // Exactly what antiforgery sets on the answers that carry its token, so that it has nothing to override.
        invocation.HttpContext.Response.Headers.CacheControl = "no-cache, no-store";
        invocation.HttpContext.Response.Headers.Pragma = "no-cache";
        return await next(invocation);
    }
}

/// <summary>The answer of <c>GET /console/api/history</c>: the chart's points of the last hour, oldest first.</summary>
internal sealed record ChartHistory(IReadOnlyList<ChartPoint> Points);
