using Gateway.Edge;
using Gateway.Edge.Scoping;
using Microsoft.Extensions.Caching.Memory;

namespace Gateway.Caching;

/// <summary>
/// Whole answers kept for <paramref name="keepFor"/> and sent again without building them: a kept answer is found only
/// while every cached read it was built from still holds (<see cref="KeptReads"/>), and never past UTC midnight, after
/// which dated promotions may price differently. The key must hold everything else the answer depends on, the caller's
/// rights (<see cref="AnswerRights"/>) included. Bounded by the total size of the answers kept.
/// </summary>
internal abstract class KeptAnswers<TKey, TAnswer>(TimeSpan keepFor, TimeProvider time) : IDisposable
    where TKey : notnull
    where TAnswer : class, IKeptAnswer
{
    /// <summary>Total size of the answers kept, in bytes of body plus whatever the key adds.</summary>
    public const long MaxTotalSize = 32 * 1024 * 1024;

    readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = MaxTotalSize });

    public bool Enabled => keepFor > TimeSpan.Zero;

    /// <summary>The kept answer for <paramref name="key"/>, if what it was built from still holds.</summary>
    public TAnswer? Find(TKey key)
    {
        if (!_answers.TryGetValue(key, out TAnswer? kept))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (now < kept!.Expires && kept.Reads.StillHold(now))
        {
            return kept;
        }

        // Outdated: the next answer built replaces it (one built meanwhile and dropped here is only a miss).
        _answers.Remove(key);
        return null;
    }

    /// <param name="keySize">What the key weighs beyond the body (a query text, a path).</param>
    public void Keep(TKey key, TAnswer answer, int keySize)
    {
        var lifetime = answer.Expires - time.GetUtcNow();
        if (lifetime > TimeSpan.Zero)
        {
            _answers.Set(key, answer, new MemoryCacheEntryOptions
            {
                Size = answer.Body.Length + keySize,
                AbsoluteExpirationRelativeToNow = lifetime,
            });
        }
    }

    /// <summary>When an answer whose building began at <paramref name="builtAt"/> stops being sendable.</summary>
    public DateTimeOffset ExpiresFrom(DateTimeOffset builtAt)
    {
        var midnight = new DateTimeOffset(builtAt.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        var expires = builtAt + keepFor;
        return expires < midnight ? expires : midnight;
    }

    public void Dispose() => _answers.Dispose();
}

/// <summary>A kept answer: its bytes, what it was built from, and when it stops being sendable anyway.</summary>
internal interface IKeptAnswer
{
    byte[] Body { get; }

    KeptReads Reads { get; }

    DateTimeOffset Expires { get; }
}

/// <summary>
/// All an answer depends on of its caller: the scopes (what it may read) and the customers it acts for (scoping, and the
/// customer a price means when the request names none). Callers with the same rights share kept answers; callers with
/// different rights never do, whatever their customer ids hold (<see cref="ScopeKey"/>: a token's <c>customer_id</c>
/// of <c>"A B"</c> is not the two accounts <c>A</c> and <c>B</c>).
/// </summary>
internal static class AnswerRights
{
    static readonly PerCaller<string> Known = new(Compute);

    public static string Of(Caller caller) => Known.Of(caller);

    static string Compute(Caller caller) => ScopeKey.Digest(ScopeKey.OfSet(caller.Scopes), ScopeKey.OfSet(caller.CustomerIds));
}
