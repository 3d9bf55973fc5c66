using Microsoft.Extensions.Options;

namespace Gateway.Caching;

/// <summary>Whole canonical answers (<see cref="CachingOptions.KeepAnswersFor"/>), for the endpoints that <see cref="KeptAnswersMetadata"/> marks.</summary>
internal sealed class CanonicalKeptAnswers(IOptions<CachingOptions> options, TimeProvider time)
    : KeptAnswers<CanonicalAnswerKey, CanonicalKeptAnswer>(options.Value.KeepAnswersFor, time);

/// <summary>A canonical answer is kept under the caller's rights and the path with its query.</summary>
internal sealed record CanonicalAnswerKey(string Rights, string PathAndQuery);

/// <summary>A kept 200: its body and headers, and when the oldest entry it was built from was read from the ERP (for <c>Age</c>).</summary>
internal sealed record CanonicalKeptAnswer(byte[] Body, string? ContentType, string ETag, DateTimeOffset OldestRead, KeptReads Reads, DateTimeOffset Expires)
    : IKeptAnswer;

/// <summary>
/// Marks an endpoint whose 200 answers may be kept: it reads through the caching ports only, and its answer depends on
/// nothing but the path, the query and the caller's rights.
/// </summary>
public sealed class KeptAnswersMetadata
{
    public static readonly KeptAnswersMetadata Instance = new();

    KeptAnswersMetadata()
    {
    }
}

public static class KeptAnswersConventions
{
    /// <summary>Lets the gateway keep this endpoint's answers (<see cref="CachingOptions.KeepAnswersFor"/>).</summary>
    public static TBuilder KeepsAnswers<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(KeptAnswersMetadata.Instance);
}
