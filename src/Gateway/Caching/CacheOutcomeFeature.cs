using Microsoft.AspNetCore.Http.Features;

namespace Gateway.Caching;

/// <summary>
/// What the cache did for one request, filled in by the caching ports (one request may look up many keys, in parallel)
/// and turned into <c>Cache-Status</c> and <c>Age</c> by <see cref="CacheHeadersMiddleware"/>. A typed request feature,
/// as YARP keeps per-request state, never <c>HttpContext.Items</c>.
/// </summary>
public sealed class CacheOutcomeFeature
{
    /// <summary>The RFC 9211 header every cached answer carries, canonical or GraphQL.</summary>
    public const string HeaderName = "Cache-Status";

    /// <summary>Its value for an answer served from cache, fresh (a kept answer too).</summary>
    public const string Hit = "gateway; hit";

    readonly Lock _lock = new();

    /// <summary>Keys answered from cache, fresh.</summary>
    public int Hits { get; private set; }

    /// <summary>Keys the ERP was asked for.</summary>
    public int Misses { get; private set; }

    /// <summary>Keys answered from cache past their time to live because the ERP failed.</summary>
    public int Stale { get; private set; }

    /// <summary>Age of the oldest cached answer served (RFC 9111 <c>Age</c>).</summary>
    public TimeSpan Age { get; private set; }

    public bool IsEmpty => Hits + Misses + Stale == 0;

    internal void Record(CacheResult result, TimeSpan age)
    {
        lock (_lock)
        {
            switch (result)
            {
                case CacheResult.Hit:
                    Hits++;
                    break;
                case CacheResult.Stale:
                    Stale++;
                    break;
                default:
                    Misses++;
                    return;
            }

            if (age > Age)
            {
                Age = age;
            }
        }
    }

    /// <summary>
    /// RFC 9211 <c>Cache-Status</c>: forwarded when any key went to the ERP; stale when any key was served past its
    /// time to live (the contract's <c>gateway; hit; stale</c>); otherwise a hit.
    /// </summary>
    public string CacheStatus()
    {
        lock (_lock)
        {
            return Misses > 0 ? "gateway; fwd=miss" : Stale > 0 ? "gateway; hit; stale" : Hit;
        }
    }
}

/// <summary>How one key was answered.</summary>
internal enum CacheResult
{
    Hit,
    Miss,
    Stale,
}

/// <summary>
/// Records outcomes on the current request's <see cref="CacheOutcomeFeature"/> and the entries read on its
/// <see cref="AnswerReads"/>, for whichever of the two the request asked for. The caching ports run below the endpoints,
/// without the request: the middleware or endpoint that gives a request those features marks it current
/// (<see cref="Track"/>) for the code it awaits. An <c>IHttpContextAccessor</c> would do the same for every request, and
/// its mere registration makes ASP.NET Core build a new <c>HttpContext</c> for each request instead of reusing the
/// connection's (about 15% of a cached read's allocations).
/// </summary>
internal sealed class CacheOutcomes
{
    readonly AsyncLocal<Current?> _request = new();

    /// <summary>
    /// Makes <paramref name="context"/>'s features the ones recorded on by the code this flow awaits, until the returned
    /// scope ends (work that outlives the request, such as a shared ERP call, then records nothing, as the connection's
    /// features go to its next request). Call it from an async method: its callers keep their own value.
    /// </summary>
    public IDisposable Track(HttpContext context)
    {
        var current = new Current(context.Features);
        _request.Value = current;
        return current;
    }

    IFeatureCollection? Features => _request.Value?.Features;

    /// <summary>The current request's read record, if it keeps one.</summary>
    public AnswerReads? Reads => Features?.Get<AnswerReads>();

    /// <summary>One key answered: <paramref name="read"/> is the entry it was answered from.</summary>
    public void Record(CacheResult result, TimeSpan age, in EntryRead read)
    {
        if (Features is not { } features)
        {
            return;
        }

        features.Get<CacheOutcomeFeature>()?.Record(result, age);
        if (features.Get<AnswerReads>() is { } reads)
        {
            if (result == CacheResult.Hit)
            {
                reads.Entry(read);
            }
            else
            {
                reads.Untracked();
            }
        }
    }

    /// <summary>The tracked request; forgotten when its scope ends, like <c>HttpContextAccessor</c>'s holder.</summary>
    sealed class Current(IFeatureCollection features) : IDisposable
    {
        public IFeatureCollection? Features { get; private set; } = features;

        public void Dispose() => Features = null;
    }
}
