using Gateway.Caching;
using Microsoft.Extensions.Options;

namespace Gateway.GraphQL.Endpoint;

/// <summary>
/// Answers to queries, kept per caller rights, query, operation and variables for <see cref="GraphQLOptions.KeepAnswersFor"/>,
/// so that a storefront asking for the same page again is answered without running GraphQL at all.
/// </summary>
internal sealed class GraphQLKeptAnswers(IOptions<GraphQLOptions> options, TimeProvider time)
    : KeptAnswers<AnswerKey, KeptAnswer>(options.Value.KeepAnswersFor, time);

/// <summary>What an answer is kept under (<see cref="AnswerRights"/>); <paramref name="ByGet"/> apart, since GET refuses what POST allows.</summary>
internal sealed record AnswerKey(string Rights, bool ByGet, string? OperationName, string Variables, string Query);

/// <summary>A kept answer: its JSON, the cost each sending spends, what it was built from, and the deprecated fields each sending counts.</summary>
internal sealed record KeptAnswer(byte[] Body, double Cost, KeptReads Reads, DateTimeOffset Expires, IReadOnlyList<string> DeprecatedFields) : IKeptAnswer;
