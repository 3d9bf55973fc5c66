using Gateway.GraphQL;
using Gateway.GraphQL.PersistedQueries;

namespace Gateway.Tests.GraphQL.PersistedQueries;

public sealed class PersistedQueryStoreTests
{
    const string First = "{ products { totalCount } }";
    const string Second = "{ products { edges { cursor } } }";

    static readonly string FirstHash = PersistedQueryStore.Hash(First);
    static readonly string SecondHash = PersistedQueryStore.Hash(Second);

    [Fact]
    public void Register_PastMaxBytes_NotKept()
    {
        var sut = new PersistedQueryStore(new GraphQLOptions { MaxRegisteredQueryBytes = (int)PersistedQueryStore.SizeOf(FirstHash, First) });

        sut.Register(FirstHash, First);
        sut.Register(SecondHash, Second);

        Assert.Equal(First, sut.Find(FirstHash));
        Assert.Null(sut.Find(SecondHash));
    }

    [Fact]
    public void Register_SameQueryAgain_CountsItOnce()
    {
        var sut = new PersistedQueryStore(new GraphQLOptions
        {
            MaxRegisteredQueryBytes = (int)(PersistedQueryStore.SizeOf(FirstHash, First) + PersistedQueryStore.SizeOf(SecondHash, Second)),
        });

        sut.Register(FirstHash, First);
        sut.Register(FirstHash, First);
        sut.Register(SecondHash, Second);

        Assert.Equal(Second, sut.Find(SecondHash));
    }
}
