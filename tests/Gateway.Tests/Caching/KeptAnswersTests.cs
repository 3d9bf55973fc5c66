using Gateway.Caching;
using Gateway.Edge;
using Gateway.GraphQL;
using Gateway.GraphQL.Endpoint;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Tests.Caching;

public sealed class KeptAnswersTests
{
    static readonly PartnerPlan Plan = new(10, 10, 1000);

    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Find_KeptAnswer_FoundWhileItsReadsHoldAndDroppedAfter()
    {
        using var sut = Answers(TimeSpan.FromSeconds(30));
        var holds = true;
        var key = Key("q");
        sut.Keep(key, Answer(sut, () => holds), keySize: 1);

        var whileHolding = sut.Find(key);
        holds = false;
        var afterChange = sut.Find(key);
        holds = true;
        var afterDropped = sut.Find(key);

        Assert.NotNull(whileHolding);
        Assert.Null(afterChange);
        Assert.Null(afterDropped);
    }

    [Fact]
    public void Find_KeepForElapsed_ReturnsNull()
    {
        using var sut = Answers(TimeSpan.FromSeconds(30));
        var key = Key("q");
        sut.Keep(key, Answer(sut, () => true), keySize: 1);

        _time.Advance(TimeSpan.FromSeconds(29));
        var before = sut.Find(key);
        _time.Advance(TimeSpan.FromSeconds(1));
        var at = sut.Find(key);

        Assert.NotNull(before);
        Assert.Null(at);
    }

    [Fact]
    public void ExpiresFrom_BuiltJustBeforeMidnight_IsMidnight()
    {
        _time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 23, 59, 50, TimeSpan.Zero));
        using var sut = Answers(TimeSpan.FromSeconds(30));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), sut.ExpiresFrom(_time.GetUtcNow()));
    }

    [Fact]
    public void Rights_ScopesAndCustomersInAnyOrder_DecideAloneNotTheCallersName()
    {
        var first = new Caller("app:a", CallerKind.StorefrontApp, new HashSet<string> { "pricing:read", "catalog:read" }, new HashSet<string> { "2", "1" }, Plan);
        var same = new Caller("partner:b", CallerKind.Partner, new HashSet<string> { "catalog:read", "pricing:read" }, new HashSet<string> { "1", "2" }, Plan);
        var fewerScopes = first with { Scopes = new HashSet<string> { "catalog:read" } };
        var otherCustomers = first with { CustomerIds = new HashSet<string> { "1" } };
        var everyCustomer = first with { CustomerIds = null };

        Assert.Equal(AnswerRights.Of(first), AnswerRights.Of(same));
        Assert.NotEqual(AnswerRights.Of(first), AnswerRights.Of(fewerScopes));
        Assert.NotEqual(AnswerRights.Of(first), AnswerRights.Of(otherCustomers));
        Assert.NotEqual(AnswerRights.Of(first), AnswerRights.Of(everyCustomer));
    }

    [Theory]
    [InlineData(new[] { "A B" }, new[] { "A", "B" })]
    [InlineData(new[] { "A,B" }, new[] { "A", "B" })]
    [InlineData(new[] { "A|B" }, new[] { "A", "B" })]
    [InlineData(new[] { "A:B" }, new[] { "A", "B" })]
    [InlineData(new[] { "1:A" }, new[] { "A" })]
    [InlineData(new[] { "*" }, null)]
    [InlineData(new[] { "\"A\"", "B" }, new[] { "\"A\",\"B\"" })]
    [InlineData(new[] { "é" }, new[] { "e\u0301" })]
    public void Rights_CustomerIdsShapedLikeAList_NeverShareAKey(string[] crafted, string[]? genuine)
    {
        var scopes = new HashSet<string> { "pricing:read" };
        var attacker = new Caller("app:x", CallerKind.StorefrontApp, scopes, crafted.ToHashSet(), Plan);
        var victim = new Caller("partner:y", CallerKind.Partner, scopes, genuine?.ToHashSet(), Plan);

        Assert.NotEqual(AnswerRights.Of(attacker), AnswerRights.Of(victim));
    }

    GraphQLKeptAnswers Answers(TimeSpan keepFor) => new(Options.Create(new GraphQLOptions { KeepAnswersFor = keepFor }), _time);

    KeptAnswer Answer(GraphQLKeptAnswers answers, Func<bool> holds) =>
        new("{}"u8.ToArray(), 10, new KeptReads([], [_ => holds()]), answers.ExpiresFrom(_time.GetUtcNow()), []);

    static AnswerKey Key(string query) => new("catalog:read|*", ByGet: false, null, "", query);
}
