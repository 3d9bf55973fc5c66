using System.Globalization;
using System.IO.Hashing;
using Gateway.Edge;
using Gateway.Observability;
using Gateway.Versions;
using Microsoft.Net.Http.Headers;

namespace Gateway.Caching;

/// <summary>
/// For a <c>GET</c> under a served version (<c>/v1/**</c>, <c>/v2/**</c>: <see cref="CanonicalVersions"/>): gives the request a <see cref="CacheOutcomeFeature"/> for the caching ports to fill, then
/// writes <c>Cache-Status</c> (RFC 9211) and <c>Age</c> from it, a strong <c>ETag</c> over the body, and answers
/// <c>304 Not Modified</c> when <c>If-None-Match</c> names that tag (RFC 9110 13.1.2, weak comparison). The body is
/// buffered to hash it; canonical answers are small JSON documents, so this costs a copy, not a stream. For endpoints
/// marked <see cref="KeptAnswersMetadata"/>, a 200 built from fresh cached entries only is kept whole
/// (<see cref="CanonicalKeptAnswers"/>) and sent again, headers and all, while those entries hold.
/// </summary>
internal sealed class CacheHeadersMiddleware(RequestDelegate next, CanonicalKeptAnswers answers, CacheOutcomes outcomes, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || CanonicalVersions.SegmentOf(context.Request.Path) is not { } version || CanonicalVersions.IndexOf(version) < 0)
        {
            await next(context);
            return;
        }

        var key = KeyOf(context);
        AnswerReads? reads = null;
        if (key is not null)
        {
            if (answers.Find(key) is { } kept)
            {
                await SendKeptAsync(context, kept);
                return;
            }

            reads = new AnswerReads();
            context.Features.Set(reads);
        }

        var builtAt = time.GetUtcNow();
        var outcome = new CacheOutcomeFeature();
        context.Features.Set(outcome);
        using var tracked = outcomes.Track(context);
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode == StatusCodes.Status200OK)
        {
            WriteHeaders(context, outcome, buffer);
            var etag = response.Headers.ETag.ToString();
            if (key is not null && buffer.Length > 0 && reads!.Seal() is { Count: > 0 } built)
            {
                var answer = new CanonicalKeptAnswer(buffer.ToArray(), response.ContentType, etag, builtAt - outcome.Age, built, answers.ExpiresFrom(builtAt));
                answers.Keep(key, answer, key.PathAndQuery.Length);
            }

            if (Matches(context.Request.Headers.IfNoneMatch, etag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }

        if (buffer.Length > 0)
        {
            response.ContentLength ??= buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    /// <summary>What the answer would be kept under; null when it may not be kept.</summary>
    CanonicalAnswerKey? KeyOf(HttpContext context) =>
        answers.Enabled
        && context.Features.Get<Caller>() is { } caller
        && context.GetEndpoint()?.Metadata.GetMetadata<KeptAnswersMetadata>() is not null
            ? new CanonicalAnswerKey(AnswerRights.Of(caller), context.Request.Path.Value + context.Request.QueryString.Value)
            : null;

    async Task SendKeptAsync(HttpContext context, CanonicalKeptAnswer kept)
    {
        GatewayTracing.RecordedRequest(context)?.SetTag(GatewayTracing.KeptAnswerTag, true);
        var response = context.Response;
        response.Headers[CacheOutcomeFeature.HeaderName] = CacheOutcomeFeature.Hit;
        response.Headers.Age = ((long)(time.GetUtcNow() - kept.OldestRead).TotalSeconds).ToString(CultureInfo.InvariantCulture);
        response.Headers.ETag = kept.ETag;
        if (Matches(context.Request.Headers.IfNoneMatch, kept.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = kept.ContentType;
        response.ContentLength = kept.Body.Length;
        await response.Body.WriteAsync(kept.Body, context.RequestAborted);
    }

    static void WriteHeaders(HttpContext context, CacheOutcomeFeature outcome, MemoryStream body)
    {
        var headers = context.Response.Headers;
        if (!outcome.IsEmpty)
        {
            headers[CacheOutcomeFeature.HeaderName] = outcome.CacheStatus();
            headers.Age = ((long)outcome.Age.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        }

        if (headers.ETag.Count == 0)
        {
            var hash = XxHash128.HashToUInt128(body.GetBuffer().AsSpan(0, (int)body.Length));
            headers.ETag = "\"" + hash.ToString("x32", CultureInfo.InvariantCulture) + "\"";
        }
    }

    /// <summary>If-None-Match: <c>*</c> or a list of tags, weak or strong; a weak comparison is the rule here.</summary>
    static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag)
    {
        if (ifNoneMatch.Count == 0 || etag.Length == 0)
        {
            return false;
        }

        return EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(EntityTagHeaderValue.Parse(etag), useStrongComparison: false));
    }
}
