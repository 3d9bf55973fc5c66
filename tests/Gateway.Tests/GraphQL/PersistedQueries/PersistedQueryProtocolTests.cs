using Gateway.GraphQL;
using Gateway.GraphQL.PersistedQueries;
using GraphQL;

namespace Gateway.Tests.GraphQL.PersistedQueries;

public sealed class PersistedQueryProtocolTests
{
    const string Query = "{ products { totalCount } }";

    static Inputs Extensions(string hash) =>
        new(new Dictionary<string, object?> { ["persistedQuery"] = new Dictionary<string, object?> { ["version"] = 1, ["sha256Hash"] = hash } });

    static PersistedQueryProtocol Protocol(GraphQLOptions? options = null)
    {
        options ??= new GraphQLOptions();
        return new PersistedQueryProtocol(new PersistedQueryStore(options), options);
    }

    [Fact]
    public void Resolve_PlainQuery_RunsIt()
    {
        var sut = Protocol();

        Assert.Equal(new QueryText(Query, null), sut.Resolve(Query, null));
    }

    [Fact]
    public void Resolve_UnknownHash_PersistedQueryNotFound()
    {
        var sut = Protocol();

        var text = sut.Resolve(null, Extensions(PersistedQueryStore.Hash(Query)));

        Assert.Equal(GraphQLErrors.PersistedQueryNotFound, text.Error?.Code);
        Assert.Equal("PersistedQueryNotFound", text.Error?.Message);
    }

    [Fact]
    public void Register_QueryWithItsHash_RunsByTheHashAlone()
    {
        var sut = Protocol();
        var hash = PersistedQueryStore.Hash(Query);

        sut.Register(sut.Resolve(Query, Extensions(hash.ToUpperInvariant())));

        Assert.Equal(Query, sut.Resolve(null, Extensions(hash)).Query);
    }

    [Fact]
    public void Resolve_QueryWithItsHash_KeepsNothingBeforeTheGuardrailsPassed()
    {
        var sut = Protocol();
        var hash = PersistedQueryStore.Hash(Query);

        var text = sut.Resolve(Query, Extensions(hash));

        Assert.Equal(new QueryText(Query, null, hash), text);
        Assert.Equal(GraphQLErrors.PersistedQueryNotFound, sut.Resolve(null, Extensions(hash)).Error?.Code);
    }

    [Fact]
    public void Resolve_HashOfAnotherQuery_RefusedAndNotRegistered()
    {
        var sut = Protocol();
        var wrong = PersistedQueryStore.Hash("{ other }");

        var text = sut.Resolve(Query, Extensions(wrong));
        sut.Register(text);

        Assert.Equal(GraphQLErrors.PersistedQueryHashMismatch, text.Error?.Code);
        Assert.Equal(GraphQLErrors.PersistedQueryNotFound, sut.Resolve(null, Extensions(wrong)).Error?.Code);
    }

    [Fact]
    public void Resolve_AllowListModeWithoutHash_PersistedQueryRequired()
    {
        var sut = Protocol(new GraphQLOptions { PersistedQueriesOnly = true });

        Assert.Equal(GraphQLErrors.PersistedQueryRequired, sut.Resolve(Query, null).Error?.Code);
    }

    [Fact]
    public void Resolve_RegistrationsBeyondCapacity_NotKept()
    {
        var sut = Protocol(new GraphQLOptions { MaxRegisteredQueries = 1 });
        const string Second = "{ products { edges { cursor } } }";
        sut.Register(sut.Resolve(Query, Extensions(PersistedQueryStore.Hash(Query))));

        sut.Register(sut.Resolve(Second, Extensions(PersistedQueryStore.Hash(Second))));

        Assert.Equal(Query, sut.Resolve(null, Extensions(PersistedQueryStore.Hash(Query))).Query);
        Assert.Equal(GraphQLErrors.PersistedQueryNotFound, sut.Resolve(null, Extensions(PersistedQueryStore.Hash(Second))).Error?.Code);
    }
}
