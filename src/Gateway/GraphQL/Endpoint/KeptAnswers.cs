using Gateway.Caching;
using Gateway.Edge;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Gateway.GraphQL.Endpoint;

/// <summary>
/// Answers to queries, kept per caller rights, query, operation and variables for <see cref="GraphQLOptions.KeepAnswersFor"/>,
/// so that a storefront asking for the same page again is answered without running GraphQL at all. A kept answer is sent
/// only while every cached read it was built from still holds (<see cref="KeptReads"/>), only to callers with the same
/// rights (<see cref="RightsOf"/>), and never past UTC midnight, after which dated promotions may price differently.
/// Bounded by the total size of the answers kept.
/// </summary>
internal sealed class KeptAnswers(IOptions<GraphQLOptions> options, TimeProvider time) : IDisposable
{
    /// <summary>Total size of the answers kept (bytes of JSON plus characters of query text).</summary>
    public const long MaxTotalSize = 32 * 1024 * 1024;

    readonly TimeSpan _keepFor = options.Value.KeepAnswersFor;
    readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = MaxTotalSize });

    public bool Enabled => _keepFor > TimeSpan.Zero;

    /// <summary>The kept answer for <paramref name="key"/>, if what it was built from still holds.</summary>
    public KeptAnswer? Find(AnswerKey key)
    {
        if (!_answers.TryGetValue(key, out KeptAnswer? kept))
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

    public void Keep(AnswerKey key, KeptAnswer answer)
    {
        var lifetime = answer.Expires - time.GetUtcNow();
        if (lifetime > TimeSpan.Zero)
        {
            _answers.Set(key, answer, new MemoryCacheEntryOptions
            {
                Size = answer.Body.Length + key.Query.Length,
                AbsoluteExpirationRelativeToNow = lifetime,
            });
        }
    }

    /// <summary>When an answer built now stops being sendable.</summary>
    public DateTimeOffset ExpiresFrom(DateTimeOffset now)
    {
        var midnight = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        var expires = now + _keepFor;
        return expires < midnight ? expires : midnight;
    }

    /// <summary>
    /// All an answer depends on of its caller: the scopes (fields refused without them) and the customers it acts for
    /// (scoping, and the customer a price means when the query names none). Callers with the same rights share answers.
    /// </summary>
    public static string RightsOf(Caller caller) =>
        string.Join(' ', caller.Scopes.Order(StringComparer.Ordinal))
        + "|" + (caller.CustomerIds is null ? "*" : string.Join(' ', caller.CustomerIds.Order(StringComparer.Ordinal)));

    public void Dispose() => _answers.Dispose();
}

/// <summary>What an answer is kept under (<see cref="KeptAnswers.RightsOf"/>); <paramref name="ByGet"/> apart, since GET refuses what POST allows.</summary>
internal sealed record AnswerKey(string Rights, bool ByGet, string? OperationName, string Variables, string Query);

/// <summary>A kept answer: its JSON, the cost each sending spends, and what it was built from.</summary>
internal sealed record KeptAnswer(byte[] Body, double Cost, KeptReads Reads, DateTimeOffset Expires);
